"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { loadParticipantConversation } from "@/lib/chat-sessions/conversation";
import { ENTITY_KINDS, searchEntities } from "@/lib/lookups/search-entities";
import { requireChatEnabled, requireMembership } from "./membership";
import { chatMessageSchema } from "./chat-message-schema";
import { markReadByRecipient } from "./read-receipts";
import { sendAsParticipant } from "./send-message";
import { startSessionAboutProduct } from "./start-session";
import { idSchema } from "@/lib/id-schema";

const id = idSchema();

export const sendChatMessageAction = defineAction("chat.participate", chatMessageSchema, async ({ sessionId, body }, user) => {
  await requireChatEnabled();
  return sendAsParticipant(user.id, sessionId, body);
});

export const markChatReadAction = defineAction("chat.participate", z.object({ sessionId: id }).strict(), async ({ sessionId }, user) => {
  await requireChatEnabled();
  return markReadByRecipient(user.id, sessionId);
});

export const loadChatHistoryAction = defineAction("chat.participate", z.object({ sessionId: id, beforeId: id.nullable() }).strict(), async ({ sessionId, beforeId }, user) => {
  await requireChatEnabled();
  await requireMembership(user.id, sessionId);
  return loadParticipantConversation(sessionId, beforeId);
});

export const startChatAction = defineAction("chat.start", z.object({ productId: id }).strict(), async ({ productId }, user) => {
  await requireChatEnabled();
  return startSessionAboutProduct(user.id, productId);
});

// Participants may look up products only, whatever kind the dropdown asks for.
export const searchChatProductsAction = defineAction("chat.participate", z.object({ kind: z.enum(ENTITY_KINDS), query: z.string().max(1000) }), ({ query }) =>
  searchEntities("product", query),
);
