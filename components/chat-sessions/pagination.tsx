"use client";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES, type Cursor, type ListParams } from "@/lib/chat-sessions/list-params";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";

type Props = {
  params: ListParams;
  shown: number;
  total: { count: number; capped: boolean };
  nextCursor: Cursor | null;
  previousCursor: Cursor | null;
  onPage: (patch: Pick<ListParams, "after" | "before" | "page">) => void;
  onSize: (size: ListParams["size"]) => void;
};

/** Keyset pages: first, previous and next, and a count that is exact up to COUNT_CAP (1,000), then "1,000+". */
export function Pagination({ params, shown, total, nextCursor, previousCursor, onPage, onSize }: Props) {
  const t = useT("chatSessions");
  const locale = useLocale();
  const from = shown ? (params.page - 1) * params.size + 1 : 0;
  const to = from + Math.max(shown - 1, 0);
  const summaryVars = { from: formatNumber(locale, from), to: formatNumber(locale, to), total: formatNumber(locale, total.count) };
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">{total.capped ? t("pageSummaryMany", summaryVars) : t("pageSummary", summaryVars)}</p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          {t("pageSize")}
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            value={params.size}
            onChange={(event) => onSize(Number(event.target.value) as ListParams["size"])}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <Button disabled={params.page <= 1} onClick={() => onPage({ after: null, before: null, page: 1 })}>
          {t("firstPage")}
        </Button>
        <Button disabled={!previousCursor} onClick={() => previousCursor && onPage({ after: null, before: previousCursor, page: Math.max(1, params.page - 1) })}>
          {t("previousPage")}
        </Button>
        <Button disabled={!nextCursor} onClick={() => nextCursor && onPage({ after: nextCursor, before: null, page: params.page + 1 })}>
          {t("nextPage")}
        </Button>
      </div>
    </nav>
  );
}
