import { describe, expect, it } from "vitest";
import { CSV_BOM, csvLine } from "@/lib/export/csv";

describe("BULK-3 CSV cells", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", 42])).toBe('"a,b","say ""hi""","two\nlines",42\r\n');
  });
  it("keeps Arabic as it is and writes times as ISO 8601", () => {
    expect(csvLine(["سماعات لاسلكية", new Date("2026-11-25T10:00:00Z")])).toBe("سماعات لاسلكية,2026-11-25T10:00:00.000Z\r\n");
  });
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csvLine(["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"])).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1)\r\n`);
    expect(csvLine([-5])).toBe("-5\r\n");
  });
  it("starts the file with a UTF-8 byte-order mark so Excel reads Arabic", () => {
    expect(CSV_BOM).toBe("\uFEFF");
  });
});
