"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";
import { ExportButton } from "./export-button";
import type { ListWords } from "./list-words";

export type BulkExport = {
  /** the export's URL for a format and the picked columns (null: all offered) */
  href: (format: "csv" | "xlsx", fields: string[] | null) => string;
  /** the columns the picker offers: the ones the screen shows */
  columns: { key: string; label: string }[];
  fileName: string;
};

type Props = {
  t: ListWords;
  selectedCount: number;
  matchingCount: number;
  matchingCapped: boolean;
  allMatching: boolean;
  pageFullySelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** the section's bulk actions, before the export */
  actions?: ReactNode;
  /** destructive bulk actions, last */
  destructive?: ReactNode;
  export: BulkExport | null;
};

/** Acts on the ticked rows, or on every row the filters match ("select all N matching"); it stays in view (sticky) while the user scrolls to tick more. */
export function BulkBar(props: Props) {
  const { t } = props;
  const count = props.allMatching ? props.matchingCount : props.selectedCount;
  const locale = useLocale();
  // The count is exact up to its cap (the engine's COUNT_CAP); past it the label says "1,000+".
  const countLabel = `${formatNumber(locale, props.matchingCount)}${props.matchingCapped ? "+" : ""}`;
  const offered = props.export?.columns ?? [];
  const [unpicked, setUnpicked] = useState<Set<string>>(new Set());
  const fields = unpicked.size ? offered.map((column) => column.key).filter((key) => !unpicked.has(key)) : null;
  return (
    <div role="region" aria-label={t("selectedCount", { count })} className="sticky top-0 z-20 flex flex-wrap items-center gap-2 rounded-lg border border-blue-200 bg-blue-50 p-2 text-sm shadow-sm dark:border-blue-900 dark:bg-blue-950">
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
      <div className="ms-auto flex flex-wrap items-center gap-2">
        {props.actions}
        {props.export ? (
          <>
            <details className="relative">
              <summary className="cursor-pointer rounded-md px-2 py-2 underline-offset-2 hover:underline">{t("exportColumns")}</summary>
              <fieldset className="menu-panel space-y-2 p-3">
                <legend className="sr-only">{t("exportColumns")}</legend>
                {offered.map((column) => (
                  <label key={column.key} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="h-4 w-4"
                      checked={!unpicked.has(column.key)}
                      // One column at least: an export of nothing is no export.
                      disabled={!unpicked.has(column.key) && unpicked.size === offered.length - 1}
                      onChange={(event) => setUnpicked((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.delete(column.key);
                        else next.add(column.key);
                        return next;
                      })}
                    />
                    {column.label}
                  </label>
                ))}
              </fieldset>
            </details>
            <ExportButton t={t} href={props.export.href("csv", fields)} label={t("bulkExportCsv")} fileName={props.export.fileName} />
            <ExportButton t={t} href={props.export.href("xlsx", fields)} label={t("bulkExportXlsx")} fileName={props.export.fileName} />
          </>
        ) : null}
        {props.destructive}
      </div>
    </div>
  );
}
