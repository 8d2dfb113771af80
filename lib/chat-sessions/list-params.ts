import { columnsCookieName as engineColumnsCookie } from "@/lib/list-engine/declaration";
import {
  activeFilterCount as engineActiveFilterCount,
  defaultState,
  noFilters,
  parseListState,
  serializeListState,
  type ListFilters,
  type ListState,
} from "@/lib/list-engine/url-state";
import { sessionsList } from "./list";

// The sessions list's URL state, bound to its declaration: the engine does the parsing.

export { encodeCursor } from "@/lib/list-engine/cursor";
export type { ListNotice } from "@/lib/list-engine/url-state";

type Declared = typeof sessionsList;
export type SortKey = keyof Declared["sorts"] & string;
export const SORT_KEYS = Object.keys(sessionsList.sorts) as SortKey[];
export type SessionFilters = ListFilters<Declared["filters"]>;
export type ListParams = ListState<SortKey, Declared["filters"]>;

/** The filters that name a row of another table (FLT-1..3, and REL-2's order). */
export const ENTITY_FILTER_KEYS = ["customer", "vendor", "product", "order"] as const;
export type EntityFilterKey = (typeof ENTITY_FILTER_KEYS)[number];
/** What the chips and dropdowns show for each chosen filter. */
export type FilterLabels = Record<EntityFilterKey, string | null>;

export const NO_FILTERS: SessionFilters = noFilters(sessionsList);
export const DEFAULT_PARAMS: ListParams = defaultState(sessionsList);

export const columnsCookieName = (userId: number) => engineColumnsCookie(sessionsList, userId);
export const parseListParams = (raw: Record<string, string | string[] | undefined>) => parseListState(sessionsList, raw);
export const serializeListParams = (params: Partial<ListParams>) => serializeListState(sessionsList, params);
export const activeFilterCount = (filters: SessionFilters) => engineActiveFilterCount(sessionsList, filters);
