"use server";
import { defineAction } from "@/lib/actions/define-action";
import { addMessage } from "./add-message";
import { deleteMessage } from "./delete-message";
import { markMessagesRead } from "./mark-messages-read";
import { deleteMessageSchema, markMessagesReadSchema, newMessageSchema } from "./message-schema";

export const addMessageAction = defineAction("messages.reply", newMessageSchema, (input, user) => addMessage(input, user));

export const markMessagesReadAction = defineAction("messages.markRead", markMessagesReadSchema, (input, user) => markMessagesRead(input, user));

export const deleteMessageAction = defineAction("messages.delete", deleteMessageSchema, (input, user) => deleteMessage(input, user.id));
