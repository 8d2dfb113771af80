import "server-only";
import { copyOut } from "@/lib/db";
import { type ValueChunk, valuesOfBinaryCopy } from "@/lib/export/binary-copy-values";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { Translate } from "@/lib/i18n/translate";
import type { CellValue, ListColumn } from "./declaration";

// What the exports PostgreSQL writes (csv-in-sql.ts, xlsx-in-sql.ts) know of a list's columns.

/**
 * The field of the row a column shows, when its value is that field as it is (every column but
 * the audit log's target and details, which are made of several): found by giving the column's
 * `value` a row that answers every field with one marker and notes which it was asked for.
 */
export function fieldOf<Row>(column: { value: (row: Row) => CellValue }): string | null {
  const marker = {};
  const asked: (string | symbol)[] = [];
  const probe = new Proxy(
    {},
    {
      get: (_, key) => {
        asked.push(key);
        return marker;
      },
    },
  ) as Row;
  try {
    return (column.value(probe) as unknown) === marker && asked.length === 1 && typeof asked[0] === "string" ? asked[0] : null;
  } catch {
    return null;
  }
}

/** Each column with its field (`fieldOf`), or null when any column is not one field as it is. */
export function withFields<Row, W extends Namespace>(columns: readonly ListColumn<Row, W>[]): { column: ListColumn<Row, W>; field: string }[] | null {
  const fielded: { column: ListColumn<Row, W>; field: string }[] = [];
  for (const column of columns) {
    const field = fieldOf(column);
    if (!field) return null;
    fielded.push({ column, field });
  }
  return fielded;
}

/** A field of the export statement's row (`export_rows`). */
export const fieldSql = (field: string) => Prisma.raw(`export_rows."${field.replaceAll('"', '""')}"`);

/** A text column's value as the list shows it: a raw value with a label in the user's language as that label. */
export function shownTextSql<Row, W extends Namespace>(column: ListColumn<Row, W>, value: Prisma.Sql, t: Translate<CatalogOf<W>>): Prisma.Sql {
  const labels = Object.entries(column.labels ?? {}).filter((entry): entry is [string, keyof CatalogOf<W> & string] => entry[1] !== undefined);
  return labels.length === 0 ? Prisma.sql`(${value})::text` : Prisma.sql`CASE (${value})::text ${Prisma.join(labels.map(([raw, key]) => Prisma.sql`WHEN ${raw} THEN ${t(key)}`), " ")} ELSE (${value})::text END`;
}

/** The texts (a CSV line, a sheet row) a statement of one text column makes, as PostgreSQL writes them (COPY), a chunk at a time. */
export function readRowTexts(sql: Prisma.Sql): AsyncGenerator<ValueChunk> {
  return valuesOfBinaryCopy(copyOut(sql));
}
