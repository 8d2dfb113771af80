"use server";
import { defineAction } from "@/lib/actions/define-action";
import { assignSessions } from "./assign-sessions";
import { assignSessionsSchema } from "./assignment-schema";

/** From the row, the bulk bar and the session's pages alike: the finer rules are the use case's. */
export const assignSessionsAction = defineAction("chatSessions.assign", assignSessionsSchema, ({ selection, assigneeId }, user) => assignSessions(selection, assigneeId, user));
