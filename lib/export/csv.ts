import type { ExportCell } from "./columns";

// A byte-order mark makes Excel read the file as UTF-8, so Arabic shows as Arabic.
export const CSV_BOM = "\uFEFF";

/**
 * One RFC 4180 line. Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe, so a product called "=HYPERLINK(…)" stays text.
 */
export function csvLine(cells: ExportCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(cell: ExportCell): string {
  if (typeof cell === "number") return String(cell);
  let text = cell instanceof Date ? cell.toISOString() : cell;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
