import type { Locale } from "./config";
import { catalogs } from "./catalogs";
import { makeTranslate } from "./translate";

type Unit = "minutes" | "hours" | "days" | "weeks" | "months" | "years";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Largest unit first; a distance is spelled in the first unit it reaches at least once.
const UNITS: ReadonlyArray<readonly [Unit, number]> = [
  ["years", 365 * DAY],
  ["months", 30 * DAY],
  ["weeks", 7 * DAY],
  ["days", DAY],
  ["hours", HOUR],
  ["minutes", MINUTE],
];

/**
 * "منذ شهرين" / "2 months ago": the distance from `now` to `date` in whole units, worded with
 * the grammar of the UI language (Arabic dual, 3–10 plural, 11–99 accusative singular). Never
 * "about": every figure is a floor of the exact distance, in minutes and up.
 */
export function formatRelativeTime(date: Date, locale: Locale, now: Date = new Date()): string {
  const t = makeTranslate(locale, catalogs.relativeTime[locale]);
  const distance = date.getTime() - now.getTime();
  const magnitude = Math.abs(distance);
  const found = UNITS.find(([, length]) => magnitude >= length);
  // Under a minute either way is "less than a minute ago": a moment a few seconds ahead is the
  // clocks of server and browser differing, not the future.
  if (!found) return t("underAMinute");
  const [unit, size] = found;
  const count = Math.floor(magnitude / size);
  const key: `${Unit}${"Ago" | "Ahead"}` = `${unit}${distance < 0 ? "Ago" : "Ahead"}`;
  return t(key, { count });
}
