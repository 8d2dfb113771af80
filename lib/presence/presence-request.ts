import { z } from "zod";
import { idSchema } from "@/lib/id-schema";

const id = idSchema({ coerce: true });

/** The presence stream's query: the session this tab shows (it counts as looking), and the sessions whose viewers it wants. */
export const presenceQuerySchema = z.object({
  viewing: id.optional(),
  watch: z
    .string()
    .max(2000)
    .default("")
    .transform((list) => (list ? list.split(",").map(Number) : []))
    .pipe(z.array(idSchema()).max(100)),
});

/** "I am typing a reply in this session." */
export const replyingSchema = z.object({ sessionId: id }).strict();
