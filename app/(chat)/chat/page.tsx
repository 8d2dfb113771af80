import type { Metadata } from "next";
import Link from "next/link";
import { AskAboutProduct } from "@/components/chat/ask-about-product";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listMySessions } from "@/lib/chat/my-sessions";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("chat");
  return { title: t("title") };
}

/** A participant's own conversations, newest activity first, with what is new for them. */
export default async function MyChatsPage() {
  const user = await requirePagePermission("chat.participate");
  const [t, locale, sessions] = await Promise.all([getTranslator("chat"), getLocale(), listMySessions(user.id)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {can(user.role, "chat.start") ? <AskAboutProduct /> : null}
      {sessions.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900" data-testid="my-sessions">
          {sessions.map((session) => (
            <li key={session.id}>
              <Link href={`/chat/${session.id}`} className="flex items-center gap-3 p-3 hover:bg-slate-50 dark:hover:bg-slate-800" data-session-id={session.id}>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">
                    <bdi>{session.productName}</bdi>
                  </span>
                  <span className="block truncate text-sm text-slate-600 dark:text-slate-400">
                    {/* Names and messages in the other script keep their own direction: isolated (FSI…PDI, bdi). */}
                    {t("with", { name: `\u2068${session.otherName}\u2069` })}
                    {session.lastBody ? <> · <bdi>{session.lastBody}</bdi></> : null}
                  </span>
                </span>
                <span className="flex shrink-0 flex-col items-end gap-1 text-xs text-slate-600 dark:text-slate-400">
                  <RelativeTime value={session.lastMessageAt} />
                  {session.unreadForMe > 0 ? (
                    <Badge tone="yellow" label={t("unreadForMe", { count: session.unreadForMe })}>
                      {formatNumber(locale, session.unreadForMe)}
                    </Badge>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
