import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { Translate } from "@/lib/i18n/translate";
import type { ListColumn } from "./declaration";
import { fieldSql, shownTextSql, withFields } from "./fields-in-sql";

/** One column's cell, written as lib/export/csv.ts writes the value the export columns give (export-columns.ts). */
function cellSql<Row, W extends Namespace>(column: ListColumn<Row, W>, field: string, t: Translate<CatalogOf<W>>): Prisma.Sql {
  const value = fieldSql(field);
  switch (column.kind) {
    case "number":
    case "badge":
      return Prisma.sql`coalesce((${value})::text, '')`;
    // Written as the number it spells: 12.30 is 12.3.
    case "money":
      return Prisma.sql`coalesce(trim_scale((${value})::numeric)::text, '')`;
    // toISOString's form: UTC, milliseconds, Z.
    case "date":
    case "relativeTime":
      return Prisma.sql`coalesce(to_char((${value}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
    case "text":
    case "link":
      return Prisma.sql`coalesce(csv_cell(${shownTextSql(column, value, t)}), '')`;
  }
}

/**
 * An export's CSV lines written by PostgreSQL from the list's rows in their order (`ordered`, a
 * statement whose columns are the row's fields): one text per row, the line exactly as the
 * TypeScript writer makes it from the same row (tests/integration/csv-in-sql.test.ts), so the
 * server hands lines on instead of parsing every value into JavaScript and writing it again —
 * the cost of a large export (issue 16). Null when a column is not one field as it is: that
 * export is written in TypeScript.
 */
export function csvLinesSql<Row, W extends Namespace>(columns: readonly ListColumn<Row, W>[], t: Translate<CatalogOf<W>>, ordered: Prisma.Sql): Prisma.Sql | null {
  const fielded = withFields(columns);
  if (!fielded) return null;
  const cells = fielded.map(({ column, field }) => cellSql(column, field, t));
  return Prisma.sql`SELECT concat(${Prisma.join(cells, ", ',', ")}, E'\\r\\n') AS line FROM (${ordered}) AS export_rows`;
}
