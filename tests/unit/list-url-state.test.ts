import { describe, expect, it } from "vitest";
import { parseListState, serializeListState, defaultState } from "@/lib/list-engine/url-state";
import { encodeCursor } from "@/lib/list-engine/cursor";
import { sessionsList } from "@/lib/chat-sessions/list";

describe("the list engine's URL state, on the sessions list's declaration", () => {
  it("SORT-1 defaults to the last message time, newest first, 25 rows", () => {
    const { params, notices } = parseListState(sessionsList, {});
    expect(params).toEqual(defaultState(sessionsList));
    expect(params.sort).toBe("lastMessage");
    expect(params.dir).toBe("desc");
    expect(notices).toEqual([]);
  });

  it("round-trips a whole view through the URL", () => {
    const cursor = { value: "2026-11-20T10:00:00.000Z", id: 42 };
    const view = { ...defaultState(sessionsList), q: "أحمد", customer: 3, vendor: 4, product: 5, unread: true, recent: true, sort: "product" as const, dir: "asc" as const, size: 50 as const, after: cursor, page: 3, columns: ["createdAt" as const] };
    const query = serializeListState(sessionsList, view);
    const { params, notices } = parseListState(sessionsList, Object.fromEntries(query));
    expect(params).toEqual(view);
    expect(notices).toEqual([]);
  });

  it("falls back to safe defaults with a notice for bad values, never throwing", () => {
    const { params, notices } = parseListState(sessionsList, {
      sort: "drop table",
      dir: "sideways",
      page: "-1",
      size: "1000000000",
      customer: "abc",
      vendor: "99999999999",
      q: "x".repeat(10_000),
      after: "not-a-cursor",
    });
    expect(params.sort).toBe("lastMessage");
    expect(params.size).toBe(25);
    expect(params.page).toBe(1);
    expect(params.customer).toBeNull();
    expect(params.vendor).toBeNull();
    expect(params.q).toHaveLength(200);
    expect(params.after).toBeNull();
    expect(notices.sort()).toEqual(["badCursor", "badFilter", "badPage", "badPageSize", "badSort", "searchTruncated"]);
  });

  it("decodes cursors with Arabic text", () => {
    const after = { value: "سماعات لاسلكية", id: 7 };
    expect(parseListState(sessionsList, { sort: "product", after: encodeCursor(after), page: "2" }).params.after).toEqual(after);
  });

  it("refuses a well-formed cursor whose value does not fit its sort's type, with the bad-cursor notice", () => {
    const wrong: [string, string | number][] = [
      ["product", 42],
      ["customer", "a\u0000b"],
      ["messages", "abc"],
      ["messages", 1.5],
      ["messages", 2_147_483_648],
      ["lastMessage", "abc"],
      ["created", 42],
      ["updated", "2026-02-31T00:00:00.000Z"],
      ["lastMessage", "+275760-09-13T00:00:00.000Z"],
    ];
    for (const [sort, value] of wrong) {
      for (const key of ["after", "before"]) {
        const { params, notices } = parseListState(sessionsList, { sort, [key]: encodeCursor({ value, id: 7 }), page: "3" });
        expect({ sort, value, key, after: params.after, before: params.before, page: params.page, notices }).toEqual({ sort, value, key, after: null, before: null, page: 1, notices: ["badCursor"] });
      }
    }
    const fitting: [string, string | number][] = [["product", "سماعات"], ["messages", 0], ["created", "2026-11-25T10:00:00.000Z"]];
    for (const [sort, value] of fitting) expect(parseListState(sessionsList, { sort, after: encodeCursor({ value, id: 7 }) }).params.after).toEqual({ value, id: 7 });
  });
});
