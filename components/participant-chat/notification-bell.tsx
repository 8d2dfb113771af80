import { Bell } from "lucide-react";
import Link from "next/link";
import { translatorFor } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/config";

/** FLOW-1: the participant's unread notifications, one tap from the list of them. */
export function NotificationBell({ count, locale }: { count: number; locale: Locale }) {
  const t = translatorFor(locale, "chat");
  return (
    <Link href="/chat/notifications" className="relative inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={t("notificationsLabel", { count })} data-testid="notification-bell" data-count={count}>
      <Bell aria-hidden="true" className="h-5 w-5" />
      {count > 0 ? (
        <span aria-hidden="true" className="absolute -end-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold text-white">
          {formatNumber(locale, count)}
        </span>
      ) : null}
    </Link>
  );
}
