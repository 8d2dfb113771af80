import { z } from "zod";

export const MAX_BODY = 4000;
const id = z.number().int().min(1).max(2_147_483_647);

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
  senderId: z.coerce.number({ error: "senderRequired" }).int({ error: "senderRequired" }).min(1, { error: "senderRequired" }).max(2_147_483_647),
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
