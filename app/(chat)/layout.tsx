import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { NotificationBell } from "@/components/participant-chat/notification-bell";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { loadOrUnavailable } from "@/components/shell/database-unavailable";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { requirePagePermission } from "@/lib/auth/current-user";
import { unreadNotificationCount } from "@/lib/participant-chat/notifications";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";

export const dynamic = "force-dynamic";

// Customers and vendors see the marketplace's name, never the staff's "admin panel".
export async function generateMetadata(): Promise<Metadata> {
  const brand = (await getTranslator("chat"))("brand");
  return { title: { default: brand, template: `%s · ${brand}` } };
}

/** The participants' web chat: phone-first, the same languages and live updates as the panel. */
async function loadShell() {
  const user = await requirePagePermission("chat.participate");
  const [locale, t, enabled, unread] = await Promise.all([getLocale(), getTranslator("chat"), isMobileChatEnabled(), unreadNotificationCount(user.id)]);
  return { locale, t, enabled, unread };
}

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const shell = await loadOrUnavailable(loadShell);
  if ("unavailable" in shell) return shell.unavailable;
  const { locale, t, enabled, unread } = shell.loaded;
  return (
    <div className="mx-auto flex min-h-screen max-w-3xl flex-col">
      <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
        <Link href="/chat" className="truncate font-semibold">
          {t("title")}
        </Link>
        <div className="ms-auto flex items-center gap-1">
          <NotificationBell count={unread} locale={locale} />
          <LanguageSwitch />
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="flex-1 p-3 sm:p-4">
        {enabled ? (
          children
        ) : (
          <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <h1 className="font-semibold">{t("chatDisabledTitle")}</h1>
            <p className="text-sm">{t("chatDisabled")}</p>
          </div>
        )}
      </main>
      <LiveRefresh />
    </div>
  );
}
