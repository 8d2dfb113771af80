"use server";
import { z } from "zod";
import { idSchema } from "@/lib/id-schema";
import { defineAction } from "@/lib/actions/define-action";
import { recentReplyByOthers } from "./recent-staff-reply";
import { addMessage } from "./add-message";
import { deleteMessage } from "./delete-message";
import { markMessagesRead } from "./mark-messages-read";
import { deleteMessageSchema, markMessagesReadSchema, newMessageSchema } from "./message-schema";

export const addMessageAction = defineAction("messages.reply", newMessageSchema, (input, user) => addMessage(input, user));

export const markMessagesReadAction = defineAction("messages.markRead", markMessagesReadSchema, (input, user) => markMessagesRead(input, user));

export const deleteMessageAction = defineAction("messages.delete", deleteMessageSchema, (input, user) => deleteMessage(input, user.id));

/** Asked before sending (issue 20): did another agent reply in this session in the last 30 s? */
export const recentStaffReplyAction = defineAction("messages.reply", z.object({ sessionId: idSchema() }).strict(), ({ sessionId }, user) => recentReplyByOthers(sessionId, user.id));
