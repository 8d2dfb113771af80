"use server";
import { defineAction } from "@/lib/actions/define-action";
import { createSession } from "./create-session";
import { createSessionSchema, updateSessionSchema } from "./session-schema";
import { updateSession } from "./update-session";

// The admin pages are dynamic (rendered per request), so nothing needs revalidating after these.
export const createSessionAction = defineAction("chatSessions.create", createSessionSchema, createSession);

export const updateSessionAction = defineAction("chatSessions.edit", updateSessionSchema, updateSession);
