import { z } from "zod";
import { MAX_BODY } from "@/lib/messages/message-schema";

/** The participant's composer and its server action share this; messages are `messages` catalog keys. */
export const chatMessageSchema = z.object({
  sessionId: z.number().int().min(1).max(2_147_483_647),
  body: z.string({ error: "bodyRequired" }).trim().min(1, { error: "bodyRequired" }).max(MAX_BODY, { error: "bodyTooLong" }),
});
export type ChatMessageInput = z.input<typeof chatMessageSchema>;
