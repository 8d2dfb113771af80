import type { ExportCell } from "./columns";

// A byte-order mark makes Excel read the file as UTF-8, so Arabic shows as Arabic.
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([;\t\r\n][ \t\r\n]*)(?=[=+\-@])/g;

/**
 * One RFC 4180 line, safe in every Excel locale. Text that a spreadsheet would run as a formula
 * (= + - @, tab, CR) gets a leading apostrophe, so a product called "=HYPERLINK(…)" stays text.
 * A spreadsheet whose list separator is not the comma (";" in much of Europe and the Arab world,
 * tab when pasted) ignores our quotes around a field that does not start its line, and starts a
 * new cell after each of its own separators and line breaks inside it: text following one of those
 * is neutralised the same way, and fields holding any separator are quoted for those that do not.
 */
export function csvLine(cells: ExportCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

// A cell holding none of these needs neither quotes nor the look after separators: one scan, for
// the millions of plain cells of a large export (the replace on every cell was its costliest step).
const NEEDS_CARE = /[",;\t\r\n]/;

function csvCell(cell: ExportCell): string {
  if (typeof cell === "number") return String(cell);
  const text = cell instanceof Date ? cell.toISOString() : cell;
  if (!NEEDS_CARE.test(text)) return FORMULA_START.test(text) ? `'${text}` : text;
  const neutralised = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return `"${(FORMULA_START.test(neutralised) ? `'${neutralised}` : neutralised).replace(/"/g, '""')}"`;
}
