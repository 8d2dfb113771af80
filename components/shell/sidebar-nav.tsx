import type { ReactNode } from "react";
import { translatorFor } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import { NavLink } from "./nav-link";
import { UnreadBadge } from "./unread-badge";

const LINK_CLASS = "flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800";

function NavGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <>
      <p id={id} className="px-2 pb-1 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {title}
      </p>
      <ul aria-labelledby={id} className="space-y-1">
        {children}
      </ul>
    </>
  );
}

function NavItem({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <NavLink href={href} className={LINK_CLASS}>
        {children}
      </NavLink>
    </li>
  );
}

/** NAV-1: User Management › Chat Sessions, with the NAV-2 badge. */
export function SidebarNav({ locale, unreadTotal, showSettings }: { locale: Locale; unreadTotal: number; showSettings: boolean }) {
  const t = translatorFor(locale, "shell");
  return (
    <nav aria-label={t("mainNavigation")} className="space-y-1 p-3">
      <ul className="space-y-1">
        <NavItem href="/">{t("navOverview")}</NavItem>
      </ul>
      <NavGroup id="nav-group-users" title={t("navUserManagement")}>
        <NavItem href="/chat-sessions">
          <span>{t("navChatSessions")}</span>
          <UnreadBadge total={unreadTotal} locale={locale} label={t("unreadBadgeLabel", { count: unreadTotal })} />
        </NavItem>
        <NavItem href="/users">{t("navUsers")}</NavItem>
      </NavGroup>
      <NavGroup id="nav-group-sales" title={t("navSales")}>
        <NavItem href="/products">{t("navProducts")}</NavItem>
        <NavItem href="/orders">{t("navOrders")}</NavItem>
      </NavGroup>
      {showSettings ? (
        <NavGroup id="nav-group-system" title={t("navSystem")}>
          <NavItem href="/settings">{t("navSettings")}</NavItem>
          <NavItem href="/audit">{t("navAudit")}</NavItem>
        </NavGroup>
      ) : null}
    </nav>
  );
}
