import JSZip from "jszip";
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { ExportCell, ExportColumn } from "./columns";
import { exportWorkbook, type SheetOptions, type WorkbookColumn } from "./xlsx";

/**
 * An export's workbook without its rows, as exceljs writes it (styles, the sheet's views and
 * columns, the header row), for a sheet whose rows come written from elsewhere
 * (lib/list-engine/xlsx-in-sql.ts): the rows go between `sheetHead` and `sheetTail`, each cell
 * with its column's `cellStyles` entry as its style.
 */
export type WorkbookFrame = {
  /** every part of the file but the sheet, in exceljs's order */
  parts: { name: string; data: Buffer }[];
  sheetPath: string;
  sheetHead: Buffer;
  sheetTail: Buffer;
  /** each column's cell style: the `s` attribute of its cells */
  cellStyles: string[];
};

const SAMPLE: Record<ExportColumn<unknown>["kind"], ExportCell> = { number: 0, text: "", date: new Date(0) };
const SHEET_PATH = "xl/worksheets/sheet1.xml";

/**
 * The frame is a workbook of one sample row, written by exceljs exactly as a whole export's
 * first row would be; the sample's cells give each column's style, and the sample is cut out.
 */
export async function workbookFrame(columns: WorkbookColumn[], sheetOptions: SheetOptions): Promise<WorkbookFrame> {
  const output = new PassThrough();
  const written = buffer(output);
  const { workbook, sheet, addRow } = exportWorkbook(output, columns, sheetOptions);
  addRow(columns.map((column) => SAMPLE[column.kind]));
  sheet.commit();
  await workbook.commit();
  const zip = await JSZip.loadAsync(await written);
  const parts: WorkbookFrame["parts"] = [];
  let sheetXml: string | null = null;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (entry.name === SHEET_PATH) sheetXml = await entry.async("string");
    else parts.push({ name: entry.name, data: await entry.async("nodebuffer") });
  }
  const sample = sheetXml === null ? null : /<row r="2"[^>]*>(.*?)<\/row>/.exec(sheetXml);
  const cellStyles = sample ? Array.from((sample[1] ?? "").matchAll(/<c r="[A-Z]+2"(?: s="(\d+)")?/g), (cell) => cell[1] ?? "0") : [];
  if (!sheetXml || !sample || cellStyles.length !== columns.length) throw new Error("exceljs wrote a sheet this frame cannot read");
  return {
    parts,
    sheetPath: SHEET_PATH,
    sheetHead: Buffer.from(sheetXml.slice(0, sample.index)),
    sheetTail: Buffer.from(sheetXml.slice(sample.index + sample[0].length)),
    cellStyles,
  };
}
