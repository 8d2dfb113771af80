import type { Locale } from "@/lib/i18n/config";

// Latin digits in both languages, as everywhere in the panel (lib/i18n/translate.ts).
const tag = (locale: Locale) => (locale === "ar" ? "ar-u-nu-latn" : "en-US");

/** A calendar day ("2026-11-03") as the UI language writes it short: "3 نوفمبر" / "Nov 3". */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** A duration in the unit that reads best: minutes under an hour, hours under two days, then days. */
export function formatDuration(seconds: number, locale: Locale): string {
  const [unit, size] = seconds < 3600 ? (["minute", 60] as const) : seconds < 172_800 ? (["hour", 3600] as const) : (["day", 86_400] as const);
  return new Intl.NumberFormat(tag(locale), { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: unit === "minute" ? 0 : 1 }).format(seconds / size);
}

/** converted / sessions as a percentage ("12.5%"); "—" when there is nothing to divide. */
export function formatShare(converted: number, sessions: number, locale: Locale): string {
  if (sessions === 0) return "—";
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 1 }).format(converted / sessions);
}
