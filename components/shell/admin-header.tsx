"use client";
import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/current-user";
import { useT } from "@/lib/i18n/client";
import type { Theme } from "@/lib/preferences/theme";
import { roleLabelKey } from "@/lib/roles";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

/**
 * The panel's top bar. Drawn on the client from the user and the theme: as a server component its
 * whole tree went into every page's payload besides its HTML.
 */
export function AdminHeader({ user, theme, children }: { user: CurrentUser; theme: Theme; children: ReactNode }) {
  const t = useT("shell");
  const common = useT("common");
  return (
    <header className="app-header">
      {children}
      <span className="truncate font-semibold">{common("appName")}</span>
      <div className="ms-auto flex items-center gap-1">
        <KeyboardShortcuts />
        <LanguageSwitch />
        <ThemeToggle theme={theme} />
        <details className="relative">
          <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={t("userMenu")}>
            <span className="inline-block max-w-[7rem] truncate whitespace-nowrap align-bottom font-medium sm:max-w-none">{user.name}</span>{" "}
            <span className="hidden text-slate-600 sm:inline dark:text-slate-400">· {t(roleLabelKey(user.role))}</span>
          </summary>
          <div className="menu-panel p-2">
            <p className="px-2 py-1 text-sm" dir="ltr">{user.email}</p>
            <p className="px-2 pb-2 text-xs text-slate-600 dark:text-slate-400">{t(roleLabelKey(user.role))}</p>
            <SignOutButton />
          </div>
        </details>
      </div>
    </header>
  );
}
