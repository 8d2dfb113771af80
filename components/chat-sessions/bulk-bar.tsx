"use client";
import { Button } from "@/components/ui/button";
import { ExportButton } from "./export-button";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";

type Props = {
  selectedCount: number;
  matchingCount: number;
  matchingCapped: boolean;
  allMatching: boolean;
  pageFullySelected: boolean;
  exportHref: (format: "csv" | "xlsx") => string;
  can: { markRead: boolean; delete: boolean; export: boolean };
  onSelectAllMatching: () => void;
  onClear: () => void;
  onMarkRead: () => void;
  onDelete: () => void;
  pending: boolean;
};

/** BULK-1..3 on the ticked sessions, or on every session the filters match. */
export function BulkBar(props: Props) {
  const t = useT("chatSessions");
  const count = props.allMatching ? props.matchingCount : props.selectedCount;
  const locale = useLocale();
  // The count is exact up to its cap (list-query's COUNT_CAP); past it the label says "1,000+".
  const countLabel = `${formatNumber(locale, props.matchingCount)}${props.matchingCapped ? "+" : ""}`;
  return (
    <div role="region" aria-label={t("selectedCount", { count })} className="flex flex-wrap items-center gap-2 rounded-lg border border-blue-200 bg-blue-50 p-2 text-sm dark:border-blue-900 dark:bg-blue-950">
      <span className="px-2 font-medium" aria-live="polite">
        {props.allMatching ? t("allMatchingSelected", { count: countLabel }) : t("selectedCount", { count })}
      </span>
      {!props.allMatching && props.pageFullySelected && props.matchingCount > props.selectedCount ? (
        <Button variant="ghost" onClick={props.onSelectAllMatching}>
          {t("selectAllMatching", { count: countLabel })}
        </Button>
      ) : null}
      <Button variant="ghost" onClick={props.onClear}>
        {t("clearSelection")}
      </Button>
      <div className="ms-auto flex flex-wrap gap-2">
        {props.can.markRead ? (
          <Button onClick={props.onMarkRead} disabled={props.pending}>
            {t("bulkMarkRead")}
          </Button>
        ) : null}
        {props.can.export ? (
          <>
            <ExportButton href={props.exportHref("csv")} label={t("bulkExportCsv")} />
            <ExportButton href={props.exportHref("xlsx")} label={t("bulkExportXlsx")} />
          </>
        ) : null}
        {props.can.delete ? (
          <Button variant="danger" onClick={props.onDelete} disabled={props.pending}>
            {t("bulkDelete")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
