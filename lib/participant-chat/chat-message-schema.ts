import { z } from "zod";
import { messageBody } from "@/lib/chat-sessions/messages/message-schema";
import { idSchema } from "@/lib/id-schema";

/** The participant's composer and its server action share this; messages are `messages` catalog keys. */
export const chatMessageSchema = z.object({
  sessionId: idSchema(),
  body: messageBody,
});
export type ChatMessageInput = z.input<typeof chatMessageSchema>;
