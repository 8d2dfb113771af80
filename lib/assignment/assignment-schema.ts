import { z } from "zod";
import { sessionsList } from "@/lib/chat-sessions/list";
import { MAX_ID } from "@/lib/list-engine/cursor";
import { selectionSchemaOf } from "@/lib/list-engine/selection";

/** Assign (or release, `assigneeId: null`) the ticked sessions or every one the list's filters match. */
export const assignSessionsSchema = z.object({
  selection: selectionSchemaOf(sessionsList),
  assigneeId: z.number().int().min(1).max(MAX_ID).nullable(),
});
