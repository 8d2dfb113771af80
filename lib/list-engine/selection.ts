import { z } from "zod";
import type { FilterDeclarations } from "./declaration";
import { filtersSchemaOf, type ListFilters } from "./url-state";
import { idSchema } from "@/lib/id-schema";

/** The most rows a selection of ticked ids may name; past that, "all matching" acts on the filters. */
export const MAX_SELECTED_IDS = 1000;

/** What a bulk action or an export acts on: the ticked rows, or every row matching the list's filters. */
export type Selection<F extends FilterDeclarations> = { ids: number[] } | { filters: ListFilters<F> };

export function selectionSchemaOf<F extends FilterDeclarations>(declaration: { filters: F; search: { maxLength: number } | null }): z.ZodType<Selection<F>, Selection<F>> {
  return z.union([
    z.object({ ids: z.array(idSchema()).min(1).max(MAX_SELECTED_IDS) }).strict(),
    z.object({ filters: filtersSchemaOf(declaration) }).strict(),
  ]) as unknown as z.ZodType<Selection<F>, Selection<F>>;
}
