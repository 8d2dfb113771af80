import Link from "next/link";
import { translatorFor } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import { UnreadBadge } from "./unread-badge";

/** NAV-1: User Management › Chat Sessions, with the NAV-2 badge. */
export function SidebarNav({ locale, unreadTotal, showSettings }: { locale: Locale; unreadTotal: number; showSettings: boolean }) {
  const t = translatorFor(locale, "shell");
  return (
    <nav aria-label={t("mainNavigation")} className="space-y-1 p-3">
      <p id="nav-group-users" className="px-2 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {t("navUserManagement")}
      </p>
      <ul aria-labelledby="nav-group-users" className="space-y-1">
        <li>
          <Link
            href="/chat-sessions"
            className="flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <span>{t("navChatSessions")}</span>
            <UnreadBadge total={unreadTotal} locale={locale} label={t("unreadBadgeLabel", { count: unreadTotal })} />
          </Link>
        </li>
      </ul>
      {showSettings ? (
        <>
          <p id="nav-group-system" className="px-2 pb-1 pt-4 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            {t("navSystem")}
          </p>
          <ul aria-labelledby="nav-group-system" className="space-y-1">
            <li>
              <Link href="/settings" className="flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
                {t("navSettings")}
              </Link>
            </li>
          </ul>
        </>
      ) : null}
    </nav>
  );
}
