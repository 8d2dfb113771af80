export type ExportCell = string | number | Date;

/** One column of an export: its header in the user's language, its value, its type and width. */
export type ExportColumn<Row> = { header: string; value: (row: Row) => ExportCell; kind: "number" | "text" | "date"; width: number };

/** How an export ended: every row written, or cut short (the browser cancelled) after `rows`. */
export type ExportEnd = { rows: number; completed: boolean };
