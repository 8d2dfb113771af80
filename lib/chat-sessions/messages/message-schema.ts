import { z } from "zod";
import { idSchema } from "@/lib/id-schema";

export const MAX_BODY = 4000;
const id = idSchema();

/**
 * A message's text, wherever it is written (panel, web chat, API): NUL characters, which a
 * PostgreSQL text cannot hold, are dropped; then it is trimmed and must not be empty or too long.
 */
export const messageBody = z
  .string({ error: "bodyRequired" })
  .overwrite((text) => text.replaceAll("\u0000", ""))
  .trim()
  .min(1, { error: "bodyRequired" })
  .max(MAX_BODY, { error: "bodyTooLong" });

/** MSG-5: the composer's form and the server action share this. Messages are `messages` catalog keys. */
export const newMessageSchema = z.object({
  sessionId: id,
  // A radio group's value reaches the form as text, so the id is coerced.
  senderId: idSchema({ error: "senderRequired", coerce: true }),
  body: messageBody,
});
export type NewMessageInput = z.input<typeof newMessageSchema>;

/** MSG-7: one, some or all of a session's messages. */
export const markMessagesReadSchema = z.union([
  z.object({ sessionId: id, messageIds: z.array(id).min(1).max(500) }).strict(),
  z.object({ sessionId: id, all: z.literal(true) }).strict(),
]);

/** MSG-6 */
export const deleteMessageSchema = z.object({ sessionId: id, messageId: id }).strict();
