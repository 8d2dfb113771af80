import type { Locale } from "./config";
import { catalogs } from "./catalogs";
import { makeTranslate } from "./translate";

type Unit = "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
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
const SMALLEST: readonly [Unit, number] = ["seconds", SECOND];

/** Under this distance either way, the moment is "now" (clocks of server and browser differ a little). */
const NOW_WINDOW = 10 * SECOND;

/**
 * "منذ شهرين" / "2 months ago": the distance from `now` to `date` in whole units, worded with
 * the grammar of the UI language (Arabic dual, 3–10 plural, 11–99 accusative singular). Never
 * "about": every figure is a floor of the exact distance.
 */
export function formatRelativeTime(date: Date, locale: Locale, now: Date = new Date()): string {
  const t = makeTranslate(locale, catalogs.relativeTime[locale]);
  const distance = date.getTime() - now.getTime();
  const magnitude = Math.abs(distance);
  if (magnitude < NOW_WINDOW) return t("justNow");
  const [unit, size] = UNITS.find(([, length]) => magnitude >= length) ?? SMALLEST;
  const count = Math.floor(magnitude / size);
  const key: `${Unit}${"Ago" | "Ahead"}` = `${unit}${distance < 0 ? "Ago" : "Ahead"}`;
  return t(key, { count });
}
