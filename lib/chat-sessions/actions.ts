"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { loadConversation } from "./conversation";
import { countSessions } from "./count-sessions";
import { deleteSessions } from "./delete-sessions";
import { markSessionsRead } from "./mark-sessions-read";
import { selectionSchemaOf } from "@/lib/list-engine/selection";
import { sessionsList } from "./list";
import { countQueueTabs, queueTabsFor } from "./queue-tabs";
import { idSchema } from "@/lib/id-schema";

const selectionSchema = selectionSchemaOf(sessionsList);

export const markSessionsReadAction = defineAction("messages.markRead", selectionSchema, (selection, user) => markSessionsRead(selection, user.id));

export const deleteSessionsAction = defineAction("chatSessions.delete", selectionSchema, (selection, user) => deleteSessions(selection, user.id));

/** What a bulk deletion is about to remove, counted exactly for its confirmation. */
export const countSessionsAction = defineAction("chatSessions.delete", selectionSchema, (selection, user) => countSessions(selection, user));

const conversationSchema = z.object({
  sessionId: idSchema(),
  beforeId: idSchema().nullable().default(null),
});

export const loadConversationAction = defineAction("chatSessions.view", conversationSchema, async ({ sessionId, beforeId }) => {
  const conversation = await loadConversation(sessionId, beforeId);
  if (!conversation) throw new DomainError("not_found", "sessionNotFound");
  return conversation;
});

/** Issue 19: the queue tabs' counts for the caller (built-ins, their views, the shared ones), for the live refresh of the tabs. */
export const queueCountsAction = defineAction("chatSessions.view", z.object({}).strict(), async (_input, user) => countQueueTabs(await queueTabsFor(user), user));
