import type { ExportCell } from "./columns";

// A byte-order mark makes Excel read the file as UTF-8, so Arabic shows as Arabic.
export const CSV_BOM = "\uFEFF";

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
  // Appended rather than mapped and joined: no array a line (issue 16: a large export's CPU).
  let line = "";
  let separator = "";
  for (const cell of cells) {
    line += separator + csvCell(cell);
    separator = ",";
  }
  return `${line}\r\n`;
}

// A cell holding none of these needs neither quotes nor the look after separators: one scan, for
// the millions of plain cells of a large export (the replace on every cell was its costliest step).
const NEEDS_CARE = /[",;\t\r\n]/;

// What a spreadsheet runs as a formula: = + - @, tab or CR first (looked at without a regular
// expression: it runs on the millions of plain cells of a large export).
const startsFormula = (text: string): boolean => {
  const code = text.charCodeAt(0);
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
};

function csvCell(cell: ExportCell): string {
  if (typeof cell === "number") return String(cell);
  // An ISO time holds no separator or quote: the first character is all there is to look at.
  const text = cell instanceof Date ? cell.toISOString() : cell;
  if (cell instanceof Date || !NEEDS_CARE.test(text)) return startsFormula(text) ? `'${text}` : text;
  const neutralised = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return `"${(startsFormula(neutralised) ? `'${neutralised}` : neutralised).replace(/"/g, '""')}"`;
}
