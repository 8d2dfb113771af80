import { describe, expect, it } from "vitest";
import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { auditList } from "@/lib/audit-log/list";
import { auditSource } from "@/lib/audit-log/list-source";
import { farDirection, hasIndexedSort } from "@/lib/list-engine/list-source";
import { noFilters } from "@/lib/list-engine/url-state";

const none = noFilters(sessionsList);

describe("which filtered pages walk an index in the sort's order (lib/list-engine/plan.ts)", () => {
  it("FLT-2 and FLT-5 by last message: their indexes hold the matches in that order", () => {
    expect(hasIndexedSort(sessionsSource, { ...none, vendor: 7 }, "lastMessage")).toBe(true);
    expect(hasIndexedSort(sessionsSource, { ...none, recent: true }, "lastMessage")).toBe(true);
    expect(hasIndexedSort(sessionsSource, { ...none, vendor: 7, recent: true }, "lastMessage")).toBe(true);
    expect(hasIndexedSort(sessionsSource, { ...none, unread: true }, "messages")).toBe(true);
  });

  it("not in another sort's order, with a filter that has no such index, with a search, or with no filter", () => {
    expect(hasIndexedSort(sessionsSource, { ...none, vendor: 7 }, "created")).toBe(false);
    expect(hasIndexedSort(sessionsSource, { ...none, vendor: 7, unread: true }, "lastMessage")).toBe(false);
    expect(hasIndexedSort(sessionsSource, { ...none, vendor: 7, q: "watch" }, "lastMessage")).toBe(false);
    expect(hasIndexedSort(sessionsSource, { ...none, recent: false, unread: false }, "lastMessage")).toBe(false);
  });

  it("FLT-5's matches sit at the far end of the created, updated and waiting orders read oldest first, with other filters or a search too", () => {
    expect(farDirection(sessionsSource, { ...none, recent: true }, "created")).toBe("asc");
    expect(farDirection(sessionsSource, { ...none, recent: true }, "updated")).toBe("asc");
    expect(farDirection(sessionsSource, { ...none, recent: true, unread: true }, "waiting")).toBe("asc");
    expect(farDirection(sessionsSource, { ...none, recent: true, q: "watch" }, "created")).toBe("asc");
    expect(farDirection(sessionsSource, { ...none, recent: true }, "lastMessage")).toBeNull();
    expect(farDirection(sessionsSource, { ...none, unread: true }, "created")).toBeNull();
    expect(farDirection(sessionsSource, none, "created")).toBeNull();
  });

  it("the audit log narrowed to one action, in its order: (action, created_at, id) holds them so", () => {
    const noAuditFilters = noFilters(auditList);
    expect(hasIndexedSort(auditSource, { ...noAuditFilters, action: "users.update" }, "time")).toBe(true);
    expect(hasIndexedSort(auditSource, { ...noAuditFilters, action: "users.update", actor: 3 }, "time")).toBe(false);
  });
});
