import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { formatNumber, makeTranslate } from "@/lib/i18n/translate";

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

  it("fills each placeholder of a template, as many times as it is asked, and leaves one without a value as written", () => {
    const t = makeTranslate("en", { line: "{who} moved {count} of {total} sessions to {who}" });
    for (let time = 0; time < 2; time += 1) {
      expect(t("line", { who: "Sara", count: 1_500, total: 12 })).toBe("Sara moved 1,500 of 12 sessions to Sara");
      expect(t("line", { count: 2 })).toBe("{who} moved 2 of {total} sessions to {who}");
    }
  });

  it("writes numbers as Intl's formats do in each locale, whole numbers grouped by threes without asking Intl", () => {
    const intl = { ar: new Intl.NumberFormat("ar-u-nu-latn"), en: new Intl.NumberFormat("en-US") };
    const values = [...Array.from({ length: 20_001 }, (_, index) => index), 99_999, 100_000, 523_412, 1_000_000, 12_345_678, 999_999_999, Number.MAX_SAFE_INTEGER, -5, -1_234, 2.5, 1_234.75];
    for (const locale of ["ar", "en"] as const) {
      const differing = values.filter((value) => formatNumber(locale, value) !== intl[locale].format(value));
      expect(differing, locale).toEqual([]);
    }
    expect(formatNumber("en", 523_412)).toBe("523,412");
  });

  it("picks the plural form Intl's rules pick for every count, the small ones remembered", () => {
    for (const locale of ["ar", "en"] as const) {
      const t = makeTranslate(locale, { n: { zero: "zero", one: "one", two: "two", few: "few", many: "many", other: "other" } });
      const rules = new Intl.PluralRules(locale);
      for (const count of [...Array.from({ length: 1_200 }, (_, index) => index), 1.5, -3]) {
        // asked twice: the remembered answer is the same as the first
        expect([t("n", { count }), t("n", { count })], `${locale} ${count}`).toEqual([rules.select(count), rules.select(count)]);
      }
    }
  });
});
