import type { Translate } from "@/lib/i18n/translate";
import type { ListNotice } from "@/lib/list-engine/url-state";

/**
 * The words every list screen needs. A section's catalog has them, phrased for its rows ("Select
 * all 40 matching sessions"), and hands its translator to the engine's components.
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
export type ListViewWordKey = ListWordKey | "filtersButton" | "filtersActive" | "resetFilters" | "removeFilter" | "dateFrom" | "dateTo" | "noMatches" | "clearFilters" | "colActions";
export type ListViewWords = Translate<Record<ListViewWordKey, string>>;
