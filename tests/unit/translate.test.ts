import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { makeTranslate } from "@/lib/i18n/translate";

describe("message catalogues", () => {
  it("NAV-1 names the sidebar group and item with the spec's exact Arabic and English text", () => {
    expect(catalogs.shell.ar.navUserManagement).toBe("إدارة المستخدمين");
    expect(catalogs.shell.ar.navChatSessions).toBe("الجلسات الحوارية");
    expect(catalogs.shell.en.navUserManagement).toBe("User Management");
    expect(catalogs.shell.en.navChatSessions).toBe("Chat Sessions");
  });

  it("every namespace has the same keys in Arabic and English", () => {
    for (const [name, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog.en).sort(), name).toEqual(Object.keys(catalog.ar).sort());
    }
  });

  it("chooses Arabic plural forms by count and interpolates numbers", () => {
    const t = makeTranslate("ar", catalogs.shell.ar);
    expect(t("unreadBadgeLabel", { count: 0 })).toBe("لا توجد رسائل غير مقروءة");
    expect(t("unreadBadgeLabel", { count: 2 })).toBe("رسالتان غير مقروءتين");
    expect(t("unreadBadgeLabel", { count: 5 })).toBe("5 رسائل غير مقروءة");
    expect(t("unreadBadgeLabel", { count: 1200 })).toBe("1,200 رسالة غير مقروءة");
    const en = makeTranslate("en", catalogs.shell.en);
    expect(en("unreadBadgeLabel", { count: 1 })).toBe("1 unread message");
    expect(en("unreadBadgeLabel", { count: 7 })).toBe("7 unread messages");
  });
});
