import { describe, expect, it } from "vitest";
import { parseExportRequest } from "@/lib/chat-sessions/export/request";

const parse = (query: string) => parseExportRequest(new URLSearchParams(query));
const NO_FILTERS = { q: "", customer: null, vendor: null, product: null, order: null, unread: false, recent: false };

describe("BULK-3 export request", () => {
  it("takes the ticked ids, once each", () => {
    expect(parse("format=xlsx&ids=3,1,3")).toEqual({ format: "xlsx", selection: { ids: [3, 1] } });
  });
  it("takes the list's own filters for 'all matching', ignoring sort, page and columns", () => {
    expect(parse("format=csv&q=%D8%A7%D8%AD%D9%85%D8%AF&vendor=7&unread=1&sort=product&dir=asc&size=100&cols=createdAt")).toEqual({
      format: "csv",
      selection: { filters: { ...NO_FILTERS, q: "احمد", vendor: 7, unread: true } },
    });
    expect(parse("format=csv")).toEqual({ format: "csv", selection: { filters: NO_FILTERS } });
    // an order's page exports that order's sessions, never everything
    expect(parse("format=xlsx&order=12")).toEqual({ format: "xlsx", selection: { filters: { ...NO_FILTERS, order: 12 } } });
  });
  it("refuses an unknown format, bad ids and bad filters instead of exporting everything", () => {
    for (const query of ["", "format=pdf", "format=CSV", "format=csv&ids=", "format=csv&ids=a", "format=csv&ids=1,-2", "format=csv&ids=0", "format=csv&ids=99999999999", "format=csv&customer=abc", "format=csv&product=1.5", "format=csv&order=x", `format=csv&q=${"x".repeat(201)}`]) {
      expect(parse(query), query).toBeNull();
    }
  });
});
