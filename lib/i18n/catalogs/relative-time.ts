import { defineCatalog } from "../define";

// Arabic counts agree with the number: 1 singular, 2 dual, 3–10 plural, 11–99 singular
// accusative, 100, 101, 102… singular (Intl.PluralRules' one/two/few/many/other).
export const relativeTime = defineCatalog({
  ar: {
    underAMinute: "منذ أقل من دقيقة",
    minutesAgo: { one: "منذ دقيقة", two: "منذ دقيقتين", few: "منذ {count} دقائق", many: "منذ {count} دقيقة", other: "منذ {count} دقيقة" },
    hoursAgo: { one: "منذ ساعة", two: "منذ ساعتين", few: "منذ {count} ساعات", many: "منذ {count} ساعة", other: "منذ {count} ساعة" },
    daysAgo: { one: "منذ يوم", two: "منذ يومين", few: "منذ {count} أيام", many: "منذ {count} يومًا", other: "منذ {count} يوم" },
    weeksAgo: { one: "منذ أسبوع", two: "منذ أسبوعين", few: "منذ {count} أسابيع", many: "منذ {count} أسبوعًا", other: "منذ {count} أسبوع" },
    monthsAgo: { one: "منذ شهر", two: "منذ شهرين", few: "منذ {count} أشهر", many: "منذ {count} شهرًا", other: "منذ {count} شهر" },
    yearsAgo: { one: "منذ سنة", two: "منذ سنتين", few: "منذ {count} سنوات", many: "منذ {count} سنة", other: "منذ {count} سنة" },
    minutesAhead: { one: "بعد دقيقة", two: "بعد دقيقتين", few: "بعد {count} دقائق", many: "بعد {count} دقيقة", other: "بعد {count} دقيقة" },
    hoursAhead: { one: "بعد ساعة", two: "بعد ساعتين", few: "بعد {count} ساعات", many: "بعد {count} ساعة", other: "بعد {count} ساعة" },
    daysAhead: { one: "بعد يوم", two: "بعد يومين", few: "بعد {count} أيام", many: "بعد {count} يومًا", other: "بعد {count} يوم" },
    weeksAhead: { one: "بعد أسبوع", two: "بعد أسبوعين", few: "بعد {count} أسابيع", many: "بعد {count} أسبوعًا", other: "بعد {count} أسبوع" },
    monthsAhead: { one: "بعد شهر", two: "بعد شهرين", few: "بعد {count} أشهر", many: "بعد {count} شهرًا", other: "بعد {count} شهر" },
    yearsAhead: { one: "بعد سنة", two: "بعد سنتين", few: "بعد {count} سنوات", many: "بعد {count} سنة", other: "بعد {count} سنة" },
  },
  en: {
    underAMinute: "less than a minute ago",
    minutesAgo: { one: "{count} minute ago", other: "{count} minutes ago" },
    hoursAgo: { one: "{count} hour ago", other: "{count} hours ago" },
    daysAgo: { one: "{count} day ago", other: "{count} days ago" },
    weeksAgo: { one: "{count} week ago", other: "{count} weeks ago" },
    monthsAgo: { one: "{count} month ago", other: "{count} months ago" },
    yearsAgo: { one: "{count} year ago", other: "{count} years ago" },
    minutesAhead: { one: "in {count} minute", other: "in {count} minutes" },
    hoursAhead: { one: "in {count} hour", other: "in {count} hours" },
    daysAhead: { one: "in {count} day", other: "in {count} days" },
    weeksAhead: { one: "in {count} week", other: "in {count} weeks" },
    monthsAhead: { one: "in {count} month", other: "in {count} months" },
    yearsAhead: { one: "in {count} year", other: "in {count} years" },
  },
});
