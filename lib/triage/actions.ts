"use server";
import { z } from "zod";
import { idSchema } from "@/lib/id-schema";
import { defineAction } from "@/lib/actions/define-action";
import { releaseHolds, renewHold } from "./holds";

const holdSchema = z.object({ sessionId: idSchema() }).strict();

/** Triage mode keeps its session while the agent is on it; false: it lapsed and another agent has it. */
export const renewHoldAction = defineAction("chatSessions.view", holdSchema, ({ sessionId }, user) => renewHold(sessionId, user.id));

/** The agent leaves triage mode: the session is anybody's again. */
export const releaseHoldAction = defineAction("chatSessions.view", z.object({}).strict(), async (_input, user) => releaseHolds(user.id));
