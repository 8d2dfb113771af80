import "server-only";
import type { ValueChunk } from "@/lib/export/binary-copy-values";
import type { SheetOptions, WorkbookColumn } from "@/lib/export/xlsx";
import { type WorkbookFrame, workbookFrame } from "@/lib/export/xlsx-frame";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { Translate } from "@/lib/i18n/translate";
import type { ListColumn } from "./declaration";
import { fieldSql, readRowTexts, shownTextSql, withFields } from "./fields-in-sql";

/** A column's letters in a cell's reference: A … Z, AA, AB … */
export function columnLetters(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const ROW_NUMBER = Prisma.raw(`export_rows."xlsx row"`);

/**
 * One column's cell of a sheet row, typed as exceljs types the value the export columns give
 * (export-columns.ts): a number, a date as Excel's serial day (days since 1899-12-30, UTC, to the
 * millisecond), text as an inline string. Empty when the value is null (`||` carries the null).
 */
function cellSql<Row, W extends Namespace>(column: ListColumn<Row, W>, field: string, t: Translate<CatalogOf<W>>, reference: string, style: string): Prisma.Sql {
  const value = fieldSql(field);
  const opening = (type: string) => Prisma.sql`${Prisma.raw(`'<c r="${reference}'`)} || ${ROW_NUMBER} || ${Prisma.raw(`'" s="${style}"${type}>'`)}`;
  const typed = (text: Prisma.Sql) => Prisma.sql`coalesce(${opening("")} || '<v>' || ${text} || '</v></c>', '')`;
  switch (column.kind) {
    case "number":
    case "badge":
      return typed(Prisma.sql`(${value})::text`);
    case "money":
      return typed(Prisma.sql`trim_scale((${value})::numeric)::text`);
    case "date":
    case "relativeTime":
      return typed(Prisma.sql`trim_scale(round(extract(epoch FROM ${value}) / 86400 + 25569, 10))::text`);
    case "text":
    case "link":
      return Prisma.sql`coalesce(${opening(` t="inlineStr"`)} || '<is><t xml:space="preserve">' || xml_text(${shownTextSql(column, value, t)}) || '</t></is></c>', '')`;
  }
}

/**
 * An export's sheet rows written by PostgreSQL from the list's rows in their order (`ordered`, a
 * statement whose columns are the row's fields): one `<row>` element per row, numbered from 2 (the
 * header is row 1), each cell in its column's style (`cellStyles`, from the workbook's frame:
 * lib/export/xlsx-frame.ts). The server zips them as they come instead of making a row and a cell
 * object for every value in exceljs (issue 16). Null when a column is not one field as it is: that
 * export is written by exceljs.
 */
export function sheetRowsSql<Row, W extends Namespace>(columns: readonly ListColumn<Row, W>[], t: Translate<CatalogOf<W>>, ordered: Prisma.Sql, cellStyles: readonly string[]): Prisma.Sql | null {
  const fielded = withFields(columns);
  if (!fielded) return null;
  const cells: Prisma.Sql[] = [];
  for (const [index, { column, field }] of fielded.entries()) {
    const style = cellStyles[index];
    if (style === undefined || !/^\d+$/.test(style)) return null;
    cells.push(cellSql(column, field, t, columnLetters(index), style));
  }
  return Prisma.sql`SELECT concat('<row r="', ${ROW_NUMBER}, '">', ${Prisma.join(cells, ", ")}, '</row>') AS line
    FROM (SELECT ordered_rows.*, row_number() OVER () + 1 AS "xlsx row" FROM (${ordered}) AS ordered_rows) AS export_rows`;
}

/**
 * A list's workbook with its rows written by PostgreSQL: exceljs's frame for `exportColumns`, and
 * the rows of `columns` (the same columns, as the list declares them) as COPY hands them over.
 * Null, with no frame made, when a column is not one field as it is.
 */
export async function workbookInSql<Row, W extends Namespace>(
  columns: readonly ListColumn<Row, W>[],
  exportColumns: WorkbookColumn[],
  t: Translate<CatalogOf<W>>,
  ordered: Prisma.Sql,
  sheetOptions: SheetOptions,
): Promise<{ frame: WorkbookFrame; rows: AsyncGenerator<ValueChunk> } | null> {
  if (!withFields(columns)) return null;
  const frame = await workbookFrame(exportColumns, sheetOptions);
  const sql = sheetRowsSql(columns, t, ordered, frame.cellStyles);
  return sql && { frame, rows: readRowTexts(sql) };
}
