"use client";
import { format } from "date-fns";
import { ar, enUS } from "date-fns/locale";
import { useLocale } from "@/lib/i18n/client";
import { formatRelativeTime } from "@/lib/i18n/relative-time";
import { titleOnHover } from "./title-on-hover";

const DATE_LOCALES = { ar, en: enUS } as const;

/**
 * "2 hours ago" / "منذ ساعتين" (COL-6), with the exact time on hover (written when the pointer
 * arrives: with the page, the exact times were a tenth of a list page's HTML).
 */
export function RelativeTime({ value }: { value: Date | string }) {
  const locale = useLocale();
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} onMouseEnter={titleOnHover(() => format(date, "PPpp", { locale: DATE_LOCALES[locale] }))} suppressHydrationWarning>
      {formatRelativeTime(date, locale)}
    </time>
  );
}

/** An exact date and time in the user's language (COL-7, COL-8). */
export function ExactTime({ value }: { value: Date | string }) {
  const locale = useLocale();
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} className="exact-time" suppressHydrationWarning>
      {format(date, "PPp", { locale: DATE_LOCALES[locale] })}
    </time>
  );
}
