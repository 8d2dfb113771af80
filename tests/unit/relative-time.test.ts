import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { formatRelativeTime } from "@/lib/i18n/relative-time";
import { makeTranslate } from "@/lib/i18n/translate";

const NOW = new Date("2026-06-15T12:00:00Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_LENGTHS = { minutes: MINUTE, hours: HOUR, days: DAY, weeks: 7 * DAY, months: 30 * DAY, years: 365 * DAY };

function ago(ms: number, locale: "ar" | "en" = "ar") {
  return formatRelativeTime(new Date(NOW.getTime() - ms), locale, NOW);
}

// Counts within each unit's range (a week holds at most 4 of them before it becomes a month…).
const ARABIC_FORMS: Record<keyof typeof UNIT_LENGTHS, Array<[number, string]>> = {
  minutes: [[1, "منذ دقيقة"], [2, "منذ دقيقتين"], [3, "منذ 3 دقائق"], [10, "منذ 10 دقائق"], [11, "منذ 11 دقيقة"], [45, "منذ 45 دقيقة"]],
  hours: [[1, "منذ ساعة"], [2, "منذ ساعتين"], [3, "منذ 3 ساعات"], [10, "منذ 10 ساعات"], [11, "منذ 11 ساعة"], [23, "منذ 23 ساعة"]],
  days: [[1, "منذ يوم"], [2, "منذ يومين"], [3, "منذ 3 أيام"], [6, "منذ 6 أيام"]],
  weeks: [[1, "منذ أسبوع"], [2, "منذ أسبوعين"], [3, "منذ 3 أسابيع"], [4, "منذ 4 أسابيع"]],
  months: [[1, "منذ شهر"], [2, "منذ شهرين"], [3, "منذ 3 أشهر"], [10, "منذ 10 أشهر"], [11, "منذ 11 شهرًا"]],
  years: [[1, "منذ سنة"], [2, "منذ سنتين"], [3, "منذ 3 سنوات"], [10, "منذ 10 سنوات"], [11, "منذ 11 سنة"], [17, "منذ 17 سنة"], [100, "منذ 100 سنة"], [103, "منذ 103 سنوات"]],
};

describe("relative time in Arabic (grammar of the count)", () => {
  for (const [unit, forms] of Object.entries(ARABIC_FORMS) as Array<[keyof typeof UNIT_LENGTHS, Array<[number, string]>]>) {
    it(`words ${unit} for 1, 2, 3–10 and 11+ with the agreeing form`, () => {
      for (const [count, expected] of forms) expect(ago(count * UNIT_LENGTHS[unit]), `${count} ${unit}`).toBe(expected);
    });
  }

  it("uses the accusative singular for 11–99 days and weeks (counts the ranges above never reach)", () => {
    const t = makeTranslate("ar", catalogs.relativeTime.ar);
    expect([11, 17].map((count) => t("daysAgo", { count }))).toEqual(["منذ 11 يومًا", "منذ 17 يومًا"]);
    expect([11, 17].map((count) => t("weeksAgo", { count }))).toEqual(["منذ 11 أسبوعًا", "منذ 17 أسبوعًا"]);
    expect([100, 103].map((count) => t("daysAgo", { count }))).toEqual(["منذ 100 يوم", "منذ 103 أيام"]);
  });

  it("never says 'about' (تقريبا) and counts whole units, floor of the distance", () => {
    expect(ago(2 * 30 * DAY + 20 * DAY)).toBe("منذ شهرين");
    expect(ago(17 * DAY)).toBe("منذ أسبوعين");
    expect(ago(59 * MINUTE + 59 * SECOND)).toBe("منذ 59 دقيقة");
  });

  it("says less than a minute under a minute either way (clock skew), and words the future with بعد", () => {
    expect(ago(3 * SECOND)).toBe("منذ أقل من دقيقة");
    expect(ago(-30 * SECOND)).toBe("منذ أقل من دقيقة");
    expect(ago(-2 * DAY)).toBe("بعد يومين");
    expect(ago(-5 * HOUR)).toBe("بعد 5 ساعات");
  });
});

describe("relative time in English", () => {
  it("uses one and other forms", () => {
    expect(ago(MINUTE, "en")).toBe("1 minute ago");
    expect(ago(2 * 30 * DAY, "en")).toBe("2 months ago");
    expect(ago(17 * SECOND, "en")).toBe("less than a minute ago");
    expect(ago(1000 * 365 * DAY, "en")).toBe("1,000 years ago");
    expect(ago(-3 * DAY, "en")).toBe("in 3 days");
    expect(ago(17 * DAY, "en")).toBe("2 weeks ago");
  });
});
