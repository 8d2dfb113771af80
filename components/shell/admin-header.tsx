import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/current-user";
import { translatorFor } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import type { Theme } from "@/lib/preferences/theme";
import { roleLabelKey } from "@/lib/roles";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export function AdminHeader({ user, locale, theme, children }: { user: CurrentUser; locale: Locale; theme: Theme; children: ReactNode }) {
  const t = translatorFor(locale, "shell");
  const common = translatorFor(locale, "common");
  return (
    <header className="flex items-center gap-2 whitespace-nowrap border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
      {children}
      <span className="truncate font-semibold">{common("appName")}</span>
      <div className="ms-auto flex items-center gap-1">
        <KeyboardShortcuts />
        <LanguageSwitch locale={locale} />
        <ThemeToggle locale={locale} theme={theme} />
        <details className="relative">
          <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={t("userMenu")}>
            <span className="inline-block max-w-[7rem] truncate whitespace-nowrap align-bottom font-medium sm:max-w-none">{user.name}</span>{" "}
            <span className="hidden text-slate-600 sm:inline dark:text-slate-400">· {t(roleLabelKey(user.role))}</span>
          </summary>
          <div className="absolute end-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            <p className="px-2 py-1 text-sm" dir="ltr">{user.email}</p>
            <p className="px-2 pb-2 text-xs text-slate-600 dark:text-slate-400">{t(roleLabelKey(user.role))}</p>
            <SignOutButton />
          </div>
        </details>
      </div>
    </header>
  );
}
