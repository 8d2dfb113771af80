import { describe, expect, it } from "vitest";
import { packRows, packView, unpackRows } from "@/lib/list-engine/packed-rows";

describe("a list page's rows, packed for the client screen", () => {
  const rows = [
    { id: 7, name: "سماعات لاسلكية", orderId: null, unread: 0, at: new Date("2026-11-29T10:00:00.000Z"), since: null, held: false },
    { id: 3, name: "Kettle", orderId: 12, unread: 4, at: new Date("2026-11-28T09:30:00.000Z"), since: new Date("2026-11-28T09:31:00.000Z"), held: true },
  ];

  it("states each key once and gives back the same rows, in their order, values and types", () => {
    const packed = packRows(rows);
    expect(packed.keys).toEqual(["id", "name", "orderId", "unread", "at", "since", "held"]);
    expect(packed.values).toHaveLength(2);
    expect(JSON.stringify(packed).match(/"name"/g)).toHaveLength(1);
    expect(unpackRows(packed)).toEqual(rows);
  });

  it("carries times as their milliseconds, a time that is null in one row (or the first) included", () => {
    const packed = packRows(rows);
    expect(packed.dates).toEqual([4, 5]);
    expect(packed.values[1]?.slice(4, 6)).toEqual([Date.parse("2026-11-28T09:30:00.000Z"), Date.parse("2026-11-28T09:31:00.000Z")]);
    const [first, second] = unpackRows(packed);
    expect(first?.since).toBeNull();
    expect(second?.since).toBeInstanceOf(Date);
  });

  it("packs an empty page to no keys and no rows", () => {
    expect(packRows([])).toEqual({ keys: [], dates: [], values: [] });
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it("packs only the rows of a view, keeping its cursors", () => {
    const view = { params: { q: "" }, page: { rows, nextCursor: { value: "Kettle", id: 3 }, previousCursor: null }, anyRows: true };
    const packed = packView(view);
    expect(packed.page.nextCursor).toEqual({ value: "Kettle", id: 3 });
    expect(packed.params).toBe(view.params);
    expect(unpackRows(packed.page.rows)).toEqual(rows);
  });
});
