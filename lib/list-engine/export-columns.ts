import type { ExportColumn } from "@/lib/export/columns";
import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { Translate } from "@/lib/i18n/translate";
import type { ColumnKind, ListColumn } from "./declaration";

// The cell type a column kind is written as: numbers, amounts and dates stay typed in a workbook
// (an amount is carried as exact text, e.g. "12.30", and written as the number it spells).
const EXPORT_KIND: Record<ColumnKind, ExportColumn<unknown>["kind"]> = {
  text: "text",
  link: "text",
  money: "number",
  number: "number",
  badge: "number",
  date: "date",
  relativeTime: "date",
};

/** A declaration's columns as an export writes them, headers in the user's language; `fields` picks some. */
export function exportColumnsOf<Row, W extends Namespace>(columns: readonly ListColumn<Row, W>[], t: Translate<CatalogOf<W>>, fields: string[] | null): ExportColumn<Row>[] {
  return columns
    .filter((column) => fields === null || fields.includes(column.key))
    .map((column) => ({ header: t(column.header), value: (row: Row) => {
      const label = column.label?.(row);
      if (label) return t(label);
      const value = column.value(row) ?? "";
      return column.kind === "money" && typeof value === "string" && value !== "" ? Number(value) : value;
    }, kind: EXPORT_KIND[column.kind], width: column.width }));
}
