"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ExactTime, RelativeTime } from "@/components/ui/relative-time";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/translate";
import type { CellValue, ColumnKind } from "@/lib/list-engine/declaration";

/**
 * One formatter per column kind, for every section: a date looks the same in the users list, the
 * audit log and the sessions list. A section overrides a column's cell only to add to it
 * (a highlighted search term, a badge's colour).
 */
export function KindCell({ kind, value, href, locale }: { kind: ColumnKind; value: CellValue; href?: string; locale: Locale }): ReactNode {
  if (value === null || value === "") return <span className="text-slate-500">—</span>;
  if (value instanceof Date || kind === "date" || kind === "relativeTime") {
    const date = value instanceof Date ? value : new Date(value);
    return kind === "relativeTime" ? <RelativeTime value={date} /> : <ExactTime value={date} />;
  }
  const text = typeof value === "number" ? formatNumber(locale, value) : value;
  if (kind === "badge") return <Badge tone="gray">{text}</Badge>;
  if (kind === "number" || kind === "money") return <span className="tabular-nums">{text}</span>;
  if (kind === "link" && href) {
    return (
      // styled as a cell's text by app/globals.css (.list-table td > a)
      <Link prefetch={false} href={href}>
        {text}
      </Link>
    );
  }
  return <span className="cell-text">{text}</span>;
}
