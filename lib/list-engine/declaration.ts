import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { EntityKind } from "@/lib/lookups/search-entities";
import type { Permission } from "@/lib/permissions";

// A list section, declared once: what it shows, how it sorts, searches and filters, what can be
// done to its rows. Imports no React and no database, so the page, the client table, the export
// route and the tests all read the same declaration; the SQL lives in the section's queries.

/** The SQL type a sort column is compared as in a keyset seek, and what a cursor value must look like. */
export type SortType = "text" | "int" | "numeric" | "timestamptz";

/** How a column's value is shown on screen and written to an export (one formatter per kind). */
export type ColumnKind = "text" | "number" | "money" | "date" | "relativeTime" | "badge" | "link";

export type FilterDeclaration =
  /** a row of another table, picked in a server-searched combobox; the URL holds its id */
  | { kind: "entity"; entity: EntityKind }
  /** on or off (`key=1`) */
  | { kind: "toggle" }
  /** one of a fixed set of values */
  | { kind: "choice"; options: readonly string[] }
  /** from and to days, inclusive (`keyFrom=2026-01-01&keyTo=2026-01-31`) */
  | { kind: "dateRange" }
  /** the staff member a row is given to: `me` (whoever looks), `none` (nobody), or a user's id */
  | { kind: "assignee" };

/** An assignee filter's value: relative to the viewer (`me`), nobody, or one staff member. */
export type AssigneeFilter = "me" | "none" | number;

/** Who is looking at a list: what an `assignee` filter's `me` means. */
export type ListViewer = { id: number };

export type DateRange = { from: string | null; to: string | null };

export type FilterValue<F extends FilterDeclaration> = F extends { kind: "entity" }
  ? number | null
  : F extends { kind: "toggle" }
    ? boolean
    : F extends { kind: "choice"; options: readonly (infer O)[] }
      ? O | null
      : F extends { kind: "assignee" }
        ? AssigneeFilter | null
        : DateRange | null;

export type FilterDeclarations = Record<string, FilterDeclaration>;
export type FilterValues<F extends FilterDeclarations> = { -readonly [K in keyof F]: FilterValue<F[K]> };

/** The value a column holds for one row: what the export writes and the screen formats. */
export type CellValue = string | number | Date | null;

export type ListColumn<Row, W extends Namespace> = {
  key: string;
  header: keyof CatalogOf<W> & string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** the values in words: for each value, a key of the section's catalog (a status, a role), for screen and export alike; a value not here is shown as it is */
  labels?: Readonly<Partial<Record<string, keyof CatalogOf<W> & string>>>;
  /** where a link column leads */
  href?: (row: Row) => string;
  /** the sort this column's header applies */
  sort?: string;
  /** hidden until the user shows it in the column menu */
  toggleable?: boolean;
  /** a toggleable column shown until the user hides it (it then stays hidden, like any other choice) */
  shownByDefault?: boolean;
  /** in the export only (the screen shows it another way, e.g. the id as the row's checkbox label) */
  exportOnly?: boolean;
  /** width in characters in a spreadsheet */
  width: number;
};

export type ListAction<W extends Namespace> = {
  key: string;
  permission: Permission;
  /** a word of the section's catalog, or of the engine's (e.g. `bulkExportCsv`) */
  label: (keyof CatalogOf<W> | keyof CatalogOf<"listEngine">) & string;
  /** asked before acting: a title and a body from the section's words */
  confirm?: { title: keyof CatalogOf<W> & string; body: keyof CatalogOf<W> & string };
  /** the audit entry's action when it is not `<words>.<key>` (e.g. the single-record action's own name) */
  auditAction?: string;
};

export type ListDeclaration<Row extends { id: number }, S extends string, F extends FilterDeclarations, W extends Namespace> = {
  path: `/${string}`;
  permission: Permission;
  /** who may export; also the audit action an export is recorded under */
  exportPermission: Permission;
  /** the audit entries' target type for exports and bulk actions */
  auditTarget: string;
  /** the catalog the section's words come from */
  words: W;
  /** stated once: the screen and the export read the same list */
  columns: readonly ListColumn<Row, W>[];
  /** each sort backed by an index on (column, id); `read` gives a row's cursor value */
  sorts: Record<S, { type: SortType; read: (row: Row) => string | number }>;
  defaultSort: NoInfer<S>;
  defaultDir: "asc" | "desc";
  pageSizes: readonly number[];
  defaultSize: number;
  search: { maxLength: number } | null;
  filters: F;
  rowActions: readonly ListAction<W>[];
  bulkActions: readonly ListAction<W>[];
  /** the cookie prefix that remembers a user's toggleable columns when the URL says nothing */
  columnsCookie: string;
};

/** A column's value for the screen and the export: its words when the column states them, else the value itself. */
export function labelled<Row>(column: { value: (row: Row) => CellValue; labels?: Readonly<Partial<Record<string, string>>> }, row: Row, words: (key: string) => string): CellValue {
  const value = column.value(row);
  const key = column.labels && typeof value === "string" && Object.hasOwn(column.labels, value) ? column.labels[value] : undefined;
  return key ? words(key) : value;
}

/** The words of each of a column's values, by prefix: labelsOf(["paid"], "status_") is { paid: "status_paid" }. */
export function labelsOf<V extends string, P extends string>(values: readonly V[], prefix: P): Readonly<Record<V, `${P}${V}`>> {
  return Object.fromEntries(values.map((value) => [value, `${prefix}${value}`])) as Record<V, `${P}${V}`>;
}

/** What most lists share, unless their declaration says otherwise. */
const LIST_DEFAULTS = { pageSizes: [10, 25, 50, 100], defaultSize: 25, search: { maxLength: 200 }, rowActions: [] } as const;

export function defineList<Row extends { id: number }, S extends string, F extends FilterDeclarations, W extends Namespace>(
  declaration: Omit<ListDeclaration<Row, S, F, W>, keyof typeof LIST_DEFAULTS> & Partial<Pick<ListDeclaration<Row, S, F, W>, keyof typeof LIST_DEFAULTS>>,
): ListDeclaration<Row, S, F, W> {
  return { ...LIST_DEFAULTS, ...declaration };
}

/** One cookie per user, so two people taking turns on one browser each keep their own columns. */
export function columnsCookieName(declaration: { columnsCookie: string }, userId: number): string {
  return `${declaration.columnsCookie}_${userId}`;
}
