"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { undoAction } from "./undo-action";

// Any staff member may undo, but only their own action (the use case checks whose it was).
export const undoActionAction = defineAction("panel.enter", z.object({ token: z.uuid() }), ({ token }, user) => undoAction(token, user.id));
