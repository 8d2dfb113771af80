"use server";
import { defineAction } from "@/lib/actions/define-action";
import { deleteView, renameView, reorderViews, saveView, shareView } from "./manage-views";
import { deleteViewSchema, renameViewSchema, reorderViewsSchema, saveViewSchema, shareViewSchema } from "./schema";

// Saved views of the sessions list (issue 19): any staff member who sees the list keeps their own;
// the use cases check ownership (and an admin's hold on shared views).
export const saveViewAction = defineAction("chatSessions.view", saveViewSchema, saveView);
export const renameViewAction = defineAction("chatSessions.view", renameViewSchema, renameView);
export const shareViewAction = defineAction("chatSessions.view", shareViewSchema, shareView);
export const deleteViewAction = defineAction("chatSessions.view", deleteViewSchema, deleteView);
export const reorderViewsAction = defineAction("chatSessions.view", reorderViewsSchema, reorderViews);
