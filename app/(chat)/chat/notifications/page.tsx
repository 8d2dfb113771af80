import type { Metadata } from "next";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/current-user";
import { latestNotifications } from "@/lib/participant-chat/notifications";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("chat");
  return { title: t("notifications") };
}

/** FLOW-1: what arrived for the participant; opening a conversation marks its notifications read. */
export default async function NotificationsPage() {
  const user = await requirePagePermission("chat.participate");
  const [t, notifications] = await Promise.all([getTranslator("chat"), latestNotifications(user.id)]);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t("notifications")}</h1>
      {notifications.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t("noNotifications")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900" data-testid="notifications">
          {notifications.map((notice) => (
            <li key={notice.id}>
              <Link href={`/chat/${notice.sessionId}`} className={`block p-3 hover:bg-slate-50 dark:hover:bg-slate-800 ${notice.readAt ? "" : "font-semibold"}`}>
                <span className="block truncate text-sm">{t("notificationLine", { sender: notice.message.fromMarketplaceSupport ? t(notice.message.sender.role === "customer" ? "fromSupportForCustomer" : "fromSupportForVendor") : notice.message.sender.name, product: notice.session.productName, body: notice.message.body })}</span>
                <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                  <RelativeTime value={notice.createdAt} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
