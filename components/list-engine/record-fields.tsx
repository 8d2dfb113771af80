import type { ReactNode } from "react";
import type { DetailField } from "@/components/resource/resource-details";
import type { Locale } from "@/lib/i18n/config";
import { labelled, type ListColumn } from "@/lib/list-engine/declaration";
import { KindCell } from "./cells";

/**
 * A record's fields for its page, from the same declared columns as its list and its export,
 * each formatted by its kind (a date here looks as it does in the list).
 */
export function recordFields<Row>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: readonly ListColumn<Row, any>[],
  row: Row,
  options: { words: (key: string) => string; locale: Locale; cells?: Partial<Record<string, (row: Row) => ReactNode>> },
): DetailField[] {
  return columns.map((column) => ({
    label: options.words(column.header),
    value: options.cells?.[column.key]?.(row) ?? <KindCell kind={column.kind} value={labelled(column, row, options.words)} href={column.href?.(row)} locale={options.locale} />,
  }));
}
