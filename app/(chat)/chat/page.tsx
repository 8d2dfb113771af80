import type { Metadata } from "next";
import Link from "next/link";
import { AskAboutProduct } from "@/components/participant-chat/ask-about-product";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listMySessions } from "@/lib/participant-chat/my-sessions";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("chat");
  return { title: t("title") };
}

const MAX_SEARCH = 200;

/**
 * A participant's own conversations, newest activity first, with what is new for them. A vendor
 * answers many customers about the same product, so for a vendor the customer's name leads the
 * row; a customer asks many vendors about many products, so the product leads. Each part (name,
 * product, preview) is isolated in its own direction and cut at its own end, aligned with the page.
 */
export default async function MyChatsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const user = await requirePagePermission("chat.participate");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, MAX_SEARCH) ?? "";
  const [t, locale, sessions] = await Promise.all([getTranslator("chat"), getLocale(), listMySessions(user.id, q)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {can(user.role, "chat.start") ? <AskAboutProduct /> : null}
      <form method="get" role="search" className="flex gap-2">
        <label htmlFor="chat-search" className="sr-only">
          {t("searchLabel")}
        </label>
        <input id="chat-search" type="search" name="q" defaultValue={q} maxLength={MAX_SEARCH} placeholder={t("searchPlaceholder")} className={`${inputClass} flex-1`} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("search")}
        </button>
      </form>
      {sessions.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t(q ? "noMatches" : "empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900" data-testid="my-sessions">
          {sessions.map((session) => {
            const unread = session.unreadForMe > 0;
            const lead = session.iAmVendor ? session.otherName : session.productName;
            const second = session.iAmVendor ? t("about", { product: `\u2068${session.productName}\u2069` }) : t("with", { name: `\u2068${session.otherName}\u2069` });
            return (
              <li key={session.id}>
                <Link
                  href={`/chat/${session.id}`}
                  className={`flex items-center gap-3 p-3 hover:bg-slate-50 dark:hover:bg-slate-800 ${unread ? "bg-blue-50/60 dark:bg-blue-950/40" : ""}`}
                  data-session-id={session.id}
                  data-unread={unread}
                >
                  <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${unread ? "bg-blue-700 dark:bg-blue-400" : "bg-transparent"}`} data-testid={unread ? "unread-marker" : undefined} />
                  <span className="min-w-0 flex-1">
                    <span dir="auto" className={`block truncate [text-align:match-parent] ${unread ? "font-bold" : "font-medium"}`} data-testid="session-lead">
                      {lead}
                    </span>
                    <span dir="auto" className="block truncate text-xs [text-align:match-parent] text-slate-600 dark:text-slate-400">
                      {second}
                    </span>
                    {session.lastBody ? (
                      <span className={`flex min-w-0 gap-1 text-sm ${unread ? "text-slate-900 dark:text-slate-100" : "text-slate-600 dark:text-slate-400"}`}>
                        {session.lastFromMe ? <span className="shrink-0 font-medium">{t("youPrefix")}</span> : null}
                        <span dir="auto" className="min-w-0 flex-1 truncate [text-align:match-parent]" data-testid="last-preview">
                          {session.lastBody}
                        </span>
                      </span>
                    ) : null}
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-1 text-xs text-slate-600 dark:text-slate-400">
                    <RelativeTime value={session.lastMessageAt} />
                    {unread ? (
                      <Badge tone="yellow" label={t("unreadForMe", { count: session.unreadForMe })}>
                        {formatNumber(locale, session.unreadForMe)}
                      </Badge>
                    ) : null}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
