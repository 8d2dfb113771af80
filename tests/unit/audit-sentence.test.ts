import { describe, expect, it } from "vitest";
import { describeAuditEntry, type AuditEntry } from "@/lib/audit-log/sentence";

const entry = (action: string, targetType: string, targetId: string | null, details: unknown): AuditEntry => ({ action, targetType, targetId, details });

describe("audit log entries as sentences", () => {
  it("an export of sessions says how many, the format and what was selected, in both languages", () => {
    const exported = entry("chatSessions.export", "chatSession", null, { format: "csv", rows: 393, completed: true, selection: { filters: { q: "tea", unread: false, recent: true } } });
    expect(describeAuditEntry(exported, "en")).toEqual({ text: "exported 393 sessions as CSV (all matching: search “tea”, recent activity)", target: null });
    expect(describeAuditEntry(exported, "ar")).toEqual({ text: "صدّر 393 جلسة بصيغة CSV (كل ما يطابق: البحث «tea»، النشاط الحديث)", target: null });
    const picked = entry("chatSessions.export", "chatSession", null, { format: "xlsx", rows: 2, completed: false, selection: { ids: [4, 9] } });
    expect(describeAuditEntry(picked, "en").text).toBe("exported 2 sessions as Excel (2 selected sessions) (stopped before it was complete)");
    expect(describeAuditEntry(picked, "ar").text).toBe("صدّر جلستين بصيغة Excel (جلستان محددتان) (توقف قبل اكتماله)");
  });

  it("the setting names itself in words and links to the settings page", () => {
    const off = entry("settings.mobileChat", "setting", "mobileChatEnabled", { enabled: false });
    expect(describeAuditEntry(off, "en")).toEqual({ text: "turned off {target}", target: { label: "the setting “Enable chat in the mobile app”", href: "/settings" } });
    expect(describeAuditEntry(off, "ar").text).toBe("أوقف {target}");
  });

  it("sessions, messages and users link to their pages", () => {
    expect(describeAuditEntry(entry("chatSessions.update", "chatSession", "12", {}), "en")).toEqual({ text: "edited {target}", target: { label: "session #12", href: "/chat-sessions/12/edit" } });
    expect(describeAuditEntry(entry("messages.add", "chatMessage", "77", { sessionId: 12, senderId: 3, onBehalfOf: "vendor" }), "en")).toEqual({
      text: "wrote {target} in session #12 on behalf of the vendor",
      target: { label: "message #77", href: "/chat-sessions/12/edit#messages" },
    });
    expect(describeAuditEntry(entry("messages.markRead", "chatSession", "12", { messages: 3 }), "ar")).toEqual({ text: "علّم 3 رسائل كمقروءة في {target}", target: { label: "الجلسة #12", href: "/chat-sessions/12/edit" } });
    expect(describeAuditEntry(entry("users.update", "user", "5", { role: "support", passwordReset: true }), "en")).toEqual({ text: "edited {target} (role: Support) and reset the password", target: { label: "user #5", href: "/users/5" } });
  });

  it("what is gone is named without a link; counts agree in Arabic", () => {
    expect(describeAuditEntry(entry("chatSessions.delete", "chatSession", null, { sessions: 2, messages: 11 }), "ar")).toEqual({ text: "حذف جلستين ورسائلهما (11 رسالة)", target: null });
    expect(describeAuditEntry(entry("chatSessions.delete", "chatSession", "8", { sessions: 1, messages: 1 }), "en")).toEqual({ text: "deleted session #8 and its messages (1 message)", target: null });
    expect(describeAuditEntry(entry("users.delete", "user", "5", {}), "en")).toEqual({ text: "deleted user #5", target: null });
  });

  it("a list export names the list, its filter and search", () => {
    expect(describeAuditEntry(entry("resources.export", "orders", null, { format: "xlsx", rows: 40, completed: true, filter: "paid", q: "" }), "en").text).toBe("exported 40 rows of orders as Excel, filter: paid");
  });

  it("an action it does not know still reads, without raw JSON", () => {
    expect(describeAuditEntry(entry("products.archive", "product", "3", { any: 1 }), "en")).toEqual({ text: "products.archive on product #3", target: null });
  });
});
