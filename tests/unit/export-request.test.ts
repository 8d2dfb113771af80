import { describe, expect, it } from "vitest";
import { sessionsList } from "@/lib/chat-sessions/list";
import { parseExportRequest } from "@/lib/list-engine/export-request";

const parse = (query: string) => parseExportRequest(sessionsList, new URLSearchParams(query));
const NO_FILTERS = { q: "", customer: null, vendor: null, product: null, order: null, unread: false, recent: false, awaiting: null, waitingOver: null, assignee: null };
const DEFAULT_ORDER = { sort: "lastMessage", dir: "desc" };

describe("BULK-3 export request", () => {
  it("takes the ticked ids, once each", () => {
    expect(parse("format=xlsx&ids=3,1,3")).toEqual({ format: "xlsx", selection: { ids: [3, 1] }, order: DEFAULT_ORDER, fields: null });
  });
  it("takes the list's own filters for 'all matching' and its sort, ignoring page, cursor and the screen's columns", () => {
    expect(parse("format=csv&q=%D8%A7%D8%AD%D9%85%D8%AF&vendor=7&unread=1&sort=product&dir=asc&size=100&cols=createdAt")).toEqual({
      format: "csv",
      selection: { filters: { ...NO_FILTERS, q: "احمد", vendor: 7, unread: true } },
      order: { sort: "product", dir: "asc" },
      fields: null,
    });
    expect(parse("format=csv")).toEqual({ format: "csv", selection: { filters: NO_FILTERS }, order: DEFAULT_ORDER, fields: null });
    // an order's page exports that order's sessions, never everything
    expect(parse("format=xlsx&order=12")).toMatchObject({ format: "xlsx", selection: { filters: { ...NO_FILTERS, order: 12 } } });
  });
  it("takes the picked columns, in the list's order", () => {
    expect(parse("format=csv&fields=unread,product,id")?.fields).toEqual(["id", "product", "unread"]);
  });
  it("refuses an unknown format, bad ids, bad filters, a bad sort and unknown columns instead of exporting everything", () => {
    for (const query of ["", "format=pdf", "format=CSV", "format=csv&ids=", "format=csv&ids=a", "format=csv&ids=1,-2", "format=csv&ids=0", "format=csv&ids=99999999999", "format=csv&customer=abc", "format=csv&product=1.5", "format=csv&order=x", `format=csv&q=${"x".repeat(201)}`, "format=csv&sort=drop", "format=csv&fields=", "format=csv&fields=id,password"]) {
      expect(parse(query), query).toBeNull();
    }
  });
});
