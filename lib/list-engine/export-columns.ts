import type { ExportColumn } from "@/lib/export/columns";
import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { Translate } from "@/lib/i18n/translate";
import { labelled, type ColumnKind, type ListColumn } from "./declaration";

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

/** The columns an export writes: all, or those `fields` picks. */
export function pickedColumns<Row, W extends Namespace>(columns: readonly ListColumn<Row, W>[], fields: string[] | null): ListColumn<Row, W>[] {
  return columns.filter((column) => fields === null || fields.includes(column.key));
}

/** A declaration's columns as an export writes them, headers in the user's language; `fields` picks some. */
export function exportColumnsOf<Row, W extends Namespace>(columns: readonly ListColumn<Row, W>[], t: Translate<CatalogOf<W>>, fields: string[] | null): ExportColumn<Row>[] {
  return pickedColumns(columns, fields).map((column) => ({ header: t(column.header), value: (row: Row) => {
      const value = labelled(column, row, t as (key: string) => string) ?? "";
      return column.kind === "money" && typeof value === "string" && value !== "" ? Number(value) : value;
    }, kind: EXPORT_KIND[column.kind], width: column.width }));
}
