import type { Translate } from "@/lib/i18n/translate";
import type { ListNotice } from "@/lib/list-engine/url-state";

/**
 * The words every list screen needs, once for every list in the `listEngine` catalog
 * (lib/i18n/catalogs/list-engine.ts; `useListWords` hands them to the engine's components).
 */
export type ListWordKey =
  | "columnsButton"
  | "sortAscending"
  | "sortDescending"
  | "selectAllOnPage"
  | "selectRow"
  | "selectedCount"
  | "selectAllMatching"
  | "allMatchingSelected"
  | "clearSelection"
  | "bulkExportCsv"
  | "bulkExportXlsx"
  | "exportColumns"
  | "exporting"
  | "pagination"
  | "pageSummary"
  | "pageSummaryMany"
  | "pageSize"
  | "firstPage"
  | "previousPage"
  | "nextPage"
  | "noticeTitle"
  | `notice_${ListNotice}`
  | "keyboardHint";

export type ListWords = Translate<Record<ListWordKey, string>>;

/** The further words of the engine's whole list screen (filters panel, chips, empty states). */
export type ListViewWordKey = ListWordKey | "sortBy" | "sortDirection" | "ascending" | "descending" | "applyView" | "filtersButton" | "filtersActive" | "resetFilters" | "removeFilter" | "dateFrom" | "dateTo" | "noMatches" | "clearFilters" | "colActions";
export type ListViewWords = Translate<Record<ListViewWordKey, string>>;

/**
 * The words that name or count rows ("Select row 7"): a section whose rows have a name of their own
 * phrases them in its catalog ("Select session 7"), which `useListWords(section)` then uses.
 */
export const ROW_WORD_KEYS = ["selectAllOnPage", "selectRow", "selectedCount", "selectAllMatching", "allMatchingSelected", "noMatches", "notice_badSort", "keyboardHint"] as const satisfies readonly ListViewWordKey[];
export type RowWordKey = (typeof ROW_WORD_KEYS)[number];
