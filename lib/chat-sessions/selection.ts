import { z } from "zod";
import { filtersSchema } from "./list-params";

/** What a bulk action acts on: the ticked rows, or every session matching the list's filters. */
export const selectionSchema = z.union([
  z.object({ ids: z.array(z.number().int().min(1).max(2_147_483_647)).min(1).max(1000) }).strict(),
  z.object({ filters: filtersSchema }).strict(),
]);
export type Selection = z.infer<typeof selectionSchema>;
