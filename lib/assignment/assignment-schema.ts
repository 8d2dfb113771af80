import { z } from "zod";
import { sessionsList } from "@/lib/chat-sessions/list";
import { idSchema } from "@/lib/id-schema";
import { selectionSchemaOf } from "@/lib/list-engine/selection";

/** Assign (or release, `assigneeId: null`) the ticked sessions or every one the list's filters match. */
export const assignSessionsSchema = z.object({
  selection: selectionSchemaOf(sessionsList),
  assigneeId: idSchema().nullable(),
});
