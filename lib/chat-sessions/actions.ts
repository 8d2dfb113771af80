"use server";
import { z } from "zod";
import { ActionFailure, defineAction } from "@/lib/actions/define-action";
import { loadConversation } from "./conversation";
import { countSessions } from "./count-sessions";
import { deleteSessions } from "./delete-sessions";
import { markSessionsRead } from "./mark-sessions-read";
import { selectionSchemaOf } from "@/lib/list-engine/selection";
import { sessionsList } from "./list";

const selectionSchema = selectionSchemaOf(sessionsList);

export const markSessionsReadAction = defineAction("messages.markRead", selectionSchema, (selection, user) => markSessionsRead(selection, user.id));

export const deleteSessionsAction = defineAction("chatSessions.delete", selectionSchema, (selection, user) => deleteSessions(selection, user.id));

/** What a bulk deletion is about to remove, counted exactly for its confirmation. */
export const countSessionsAction = defineAction("chatSessions.delete", selectionSchema, (selection) => countSessions(selection));

const conversationSchema = z.object({
  sessionId: z.number().int().min(1).max(2_147_483_647),
  beforeId: z.number().int().min(1).max(2_147_483_647).nullable().default(null),
});

export const loadConversationAction = defineAction("chatSessions.view", conversationSchema, async ({ sessionId, beforeId }) => {
  const conversation = await loadConversation(sessionId, beforeId);
  if (!conversation) throw new ActionFailure("not_found", "sessionNotFound");
  return conversation;
});
