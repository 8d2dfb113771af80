"use client";
import { format } from "date-fns";
import { ar, enUS } from "date-fns/locale";
import type { MouseEvent } from "react";
import { useLocale } from "@/lib/i18n/client";
import { formatRelativeTime } from "@/lib/i18n/relative-time";

const DATE_LOCALES = { ar, en: enUS } as const;

/**
 * "2 hours ago" / "منذ ساعتين" (COL-6), with the exact time on hover. That title is written when
 * the pointer arrives, before the browser shows it: written with the page, the exact times were a
 * tenth of a list page's HTML and their formatting a part of its server time (issue 16).
 */
export function RelativeTime({ value }: { value: Date | string }) {
  const locale = useLocale();
  const date = typeof value === "string" ? new Date(value) : value;
  const showExact = (event: MouseEvent<HTMLTimeElement>) => {
    event.currentTarget.title ||= format(date, "PPpp", { locale: DATE_LOCALES[locale] });
  };
  return (
    <time dateTime={date.toISOString()} onMouseEnter={showExact} suppressHydrationWarning>
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
