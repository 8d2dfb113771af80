import { describe, expect, it } from "vitest";
import { CSV_BOM, csvLine } from "@/lib/export/csv";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * How a spreadsheet splits a line with the list separator of its locale: a field that starts with a
 * quote runs to its closing quote (doubled quotes are one), anything else runs to the next separator
 * or line break, quotes and all.
 */
function spreadsheetCells(text: string, separator: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at < text.length) {
    let cell = "";
    if (text[at] === '"') {
      at += 1;
      while (at < text.length && !(text[at] === '"' && text[at + 1] !== '"')) {
        cell += text[at];
        at += text[at] === '"' ? 2 : 1;
      }
      at += 1;
    }
    while (at < text.length && text[at] !== separator && text[at] !== "\r" && text[at] !== "\n") cell += text[at++];
    cells.push(cell);
    if (text[at] === "\r" && text[at + 1] === "\n") at += 1;
    at += 1;
  }
  return cells;
}

const hostileCells = ["x;=1+1", "x;=1+1;", "x\t=1+1", "x\r\n=1+1", "x\n@SUM(A1)", "x; -2", "a,b;+3", '"quoted";=1', "=1+1", "\t=1", "\r=1", "plain"];

describe("BULK-3 CSV cells", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", 42])).toBe('"a,b","say ""hi""","two\nlines",42\r\n');
  });
  it("quotes semicolons and tabs too, the list separators of other Excel locales", () => {
    expect(csvLine(["a;b", "a\tb", "plain"])).toBe('"a;b","a\tb",plain\r\n');
  });
  it("keeps Arabic as it is and writes times as ISO 8601", () => {
    expect(csvLine(["سماعات لاسلكية", new Date("2026-11-25T10:00:00Z")])).toBe("سماعات لاسلكية,2026-11-25T10:00:00.000Z\r\n");
  });
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvLine(["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"])).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1)\r\n`);
    expect(csvLine([-5])).toBe("-5\r\n");
  });
  for (const [locale, separator] of [["comma (en-US)", ","], ["semicolon (de, fr, ar…)", ";"], ["tab (pasted text)", "\t"]] as const) {
    it(`no cell starts a formula when a ${locale} spreadsheet splits the file`, () => {
      for (const position of [0, 1]) {
        const cells = position === 0 ? [...hostileCells, "tail"] : ["head", ...hostileCells];
        const split = spreadsheetCells(csvLine(cells), separator);
        expect(split.length).toBeGreaterThan(1);
        expect(split.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
      }
    });
  }
  it("a comma-locale spreadsheet reads every hostile cell back whole", () => {
    const split = spreadsheetCells(csvLine(["head", "x;=1+1", "a,b;+3"]), ",");
    expect(split).toEqual(["head", "x;'=1+1", "a,b;'+3"]);
  });
  it("starts the file with a UTF-8 byte-order mark so Excel reads Arabic", () => {
    expect(CSV_BOM).toBe("\uFEFF");
  });
});
