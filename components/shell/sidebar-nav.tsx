"use client";
import type { ReactNode } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { NavLink } from "./nav-link";
import { UnreadBadge } from "./unread-badge";

function NavGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <>
      <p id={id} className="nav-group-title">
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
      <NavLink href={href}>
        {children}
      </NavLink>
    </li>
  );
}

/**
 * NAV-1: User Management › Chat Sessions, with the NAV-2 badge. Drawn on the client from its two
 * figures: as a server component its whole tree went into every page's payload besides its HTML.
 */
export function SidebarNav({ unreadTotal, showSettings }: { unreadTotal: number; showSettings: boolean }) {
  const t = useT("shell");
  const locale = useLocale();
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
