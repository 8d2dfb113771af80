import { z } from "zod";
import { idSchema } from "@/lib/id-schema";

// Saved views (issue 19): the schemas of the "save view" form and of every change to a view. The
// messages are keys of the chatSessions catalog.
const id = idSchema();
const name = z.string().trim().min(1, "viewNameRequired").max(60, "viewNameTooLong");

export const saveViewSchema = z.object({ name, query: z.string().max(4000), shared: z.boolean() }).strict();
export const renameViewSchema = z.object({ id, name }).strict();
export const shareViewSchema = z.object({ id, shared: z.boolean() }).strict();
export const deleteViewSchema = z.object({ id }).strict();
/** The owner's views in their new order: every one of them, once. */
export const reorderViewsSchema = z.object({ ids: z.array(id).min(1).max(500) }).strict();
