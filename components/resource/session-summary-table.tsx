import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ExactTime } from "@/components/ui/relative-time";
import { getTranslator } from "@/lib/i18n/server";

type SessionSummary = { id: number; productName: string; messageCount: number; unreadCount: number; lastMessageAt: Date; customerName?: string; vendorName?: string };

/** Sessions related to a user or an order, each a link to its messages. */
export async function SessionSummaryTable({ sessions, title }: { sessions: SessionSummary[]; title: string }) {
  const [t, cs] = await Promise.all([getTranslator("resources"), getTranslator("chatSessions")]);
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      {sessions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noSessions")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center gap-3 p-3 text-sm">
              <Link href={`/chat-sessions/${session.id}/edit`} className="min-w-0 flex-1 truncate font-medium text-blue-800 hover:underline dark:text-blue-300">
                {session.productName}
              </Link>
              {session.customerName ? (
                <span className="text-slate-600 dark:text-slate-400">
                  {session.customerName} ↔ {session.vendorName}
                </span>
              ) : null}
              <Badge tone="blue" label={cs("colMessages")}>
                {session.messageCount}
              </Badge>
              <Badge tone={session.unreadCount > 0 ? "yellow" : "green"} label={cs("colUnread")}>
                {session.unreadCount}
              </Badge>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                <ExactTime value={session.lastMessageAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
