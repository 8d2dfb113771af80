"use client";
import { format } from "date-fns";
import { ar, enUS } from "date-fns/locale";
import { useLocale } from "@/lib/i18n/client";
import { formatRelativeTime } from "@/lib/i18n/relative-time";

const DATE_LOCALES = { ar, en: enUS } as const;

/** "2 hours ago" / "منذ ساعتين", with the exact time on hover (COL-6). */
export function RelativeTime({ value }: { value: Date | string }) {
  const locale = useLocale();
  const date = typeof value === "string" ? new Date(value) : value;
  const dateLocale = DATE_LOCALES[locale];
  return (
    <time dateTime={date.toISOString()} title={format(date, "PPpp", { locale: dateLocale })} suppressHydrationWarning>
      {formatRelativeTime(date, locale)}
    </time>
  );
}

/** An exact date and time in the user's language (COL-7, COL-8). */
export function ExactTime({ value }: { value: Date | string }) {
  const locale = useLocale();
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {format(date, "PPp", { locale: DATE_LOCALES[locale] })}
    </time>
  );
}
