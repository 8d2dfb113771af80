"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { setMobileChatEnabled } from "./mobile-chat";

const mobileChatSchema = z.object({ enabled: z.boolean() }).strict();

export const setMobileChatEnabledAction = defineAction("settings.manage", mobileChatSchema, ({ enabled }, user) => setMobileChatEnabled(enabled, user.id));
