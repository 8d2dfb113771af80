"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { setMobileChatEnabled } from "./mobile-chat";
import { setWaitingThresholds } from "./waiting-thresholds";
import { waitingThresholdsSchema } from "./waiting-thresholds-schema";

const mobileChatSchema = z.object({ enabled: z.boolean() }).strict();

export const setMobileChatEnabledAction = defineAction("settings.manage", mobileChatSchema, ({ enabled }, user) => setMobileChatEnabled(enabled, user.id));

export const setWaitingThresholdsAction = defineAction("settings.manage", waitingThresholdsSchema, (input, user) => setWaitingThresholds(input, user.id));
