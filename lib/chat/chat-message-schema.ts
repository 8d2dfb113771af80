import { z } from "zod";
import { messageBody } from "@/lib/messages/message-schema";

/** The participant's composer and its server action share this; messages are `messages` catalog keys. */
export const chatMessageSchema = z.object({
  sessionId: z.number().int().min(1).max(2_147_483_647),
  body: messageBody,
});
export type ChatMessageInput = z.input<typeof chatMessageSchema>;
