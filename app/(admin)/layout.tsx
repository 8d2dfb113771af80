import type { ReactNode } from "react";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { UnreadTitle } from "@/components/shell/unread-title";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { AdminHeader } from "@/components/shell/admin-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { getTranslator } from "@/lib/i18n/server";
import { getTheme } from "@/lib/preferences/server";
import { loadOrUnavailable } from "@/components/shell/database-unavailable";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

async function loadShell() {
  const user = await requirePagePermission("panel.enter");
  const [theme, unreadTotal, t] = await Promise.all([getTheme(), getUnreadTotal(), getTranslator("shell")]);
  return { user, theme, unreadTotal, t };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const shell = await loadOrUnavailable(loadShell);
  if ("unavailable" in shell) return shell.unavailable;
  const { user, theme, unreadTotal, t } = shell.loaded;
  const nav = <SidebarNav unreadTotal={unreadTotal} showSettings={can(user.role, "settings.manage")} />;
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <aside className="app-sidebar">
        {nav}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <AdminHeader user={user} theme={theme}>
          <MobileNav openLabel={t("openMenu")} closeLabel={t("closeMenu")}>
            {nav}
          </MobileNav>
        </AdminHeader>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
        <LiveRefresh />
        <UnreadTitle total={unreadTotal} />
      </div>
    </div>
  );
}
