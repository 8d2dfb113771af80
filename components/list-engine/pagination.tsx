"use client";
import { Button } from "@/components/ui/button";
import { selectClass } from "@/components/ui/field";
import { ScriptedControls } from "@/components/ui/scripted-controls";
import { useLocale } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";
import type { Cursor } from "@/lib/list-engine/cursor";
import type { ListWords } from "./list-words";

type Position = { after: Cursor | null; before: Cursor | null; page: number };

type Props = {
  t: ListWords;
  page: number;
  size: number;
  sizes: readonly number[];
  shown: number;
  total: { count: number; capped: boolean };
  nextCursor: Cursor | null;
  previousCursor: Cursor | null;
  onPage: (position: Position) => void;
  onSize: (size: number) => void;
};

/** Keyset pages: first, previous and next, and a count that is exact up to the engine's COUNT_CAP (1,000), then "1,000+". */
export function Pagination({ t, page, size, sizes, shown, total, nextCursor, previousCursor, onPage, onSize }: Props) {
  const locale = useLocale();
  const from = shown ? (page - 1) * size + 1 : 0;
  const to = from + Math.max(shown - 1, 0);
  const summaryVars = { from: formatNumber(locale, from), to: formatNumber(locale, to), total: formatNumber(locale, total.count) };
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">{total.capped ? t("pageSummaryMany", summaryVars) : t("pageSummary", summaryVars)}</p>
      <ScriptedControls className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          {t("pageSize")}
          <select className={selectClass} value={size} onChange={(event) => onSize(Number(event.target.value))}>
            {sizes.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <Button disabled={page <= 1} onClick={() => onPage({ after: null, before: null, page: 1 })}>
          {t("firstPage")}
        </Button>
        <Button disabled={!previousCursor} onClick={() => previousCursor && onPage({ after: null, before: previousCursor, page: Math.max(1, page - 1) })}>
          {t("previousPage")}
        </Button>
        <Button disabled={!nextCursor} onClick={() => nextCursor && onPage({ after: nextCursor, before: null, page: page + 1 })}>
          {t("nextPage")}
        </Button>
      </ScriptedControls>
    </nav>
  );
}
