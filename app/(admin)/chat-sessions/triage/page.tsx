import type { Metadata } from "next";
import Link from "next/link";
import { TriageView } from "@/components/triage/triage-view";
import { buttonClass } from "@/components/ui/button";
import { requirePagePermission } from "@/lib/auth/current-user";
import { sessionsList } from "@/lib/chat-sessions/list";
import { getTranslator } from "@/lib/i18n/server";
import { decodeCursor } from "@/lib/list-engine/cursor";
import { filtersOf, type RawSearchParams, parseListState, serializeListState } from "@/lib/list-engine/url-state";
import { can } from "@/lib/permissions";
import { getWaitingThresholds } from "@/lib/settings/waiting-thresholds";
import { pickNextInQueue } from "@/lib/triage/next-session";
import { loadTriageSession } from "@/lib/triage/triage-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("triage");
  return { title: t("title") };
}

/**
 * Issue 19's triage mode: the queue's longest-waiting session (after `at`, the one just left),
 * held for this agent, with its conversation, the reply box and the keys to move on.
 */
export default async function TriagePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePagePermission("chatSessions.view");
  const raw = await searchParams;
  const { params } = parseListState(sessionsList, raw);
  const listQuery = serializeListState(sessionsList, { ...params, after: null, before: null, page: 1 }).toString();
  const backHref = listQuery ? `/chat-sessions?${listQuery}` : "/chat-sessions";
  const at = typeof raw.at === "string" ? decodeCursor(raw.at, "timestamptz") : null;
  const [t, pick, thresholds] = await Promise.all([getTranslator("triage"), pickNextInQueue(filtersOf(sessionsList, params), at, user.id), getWaitingThresholds()]);
  const loaded = pick ? await loadTriageSession(pick.sessionId) : null;
  if (!pick || !loaded) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p data-testid="triage-done">{t("queueDone")}</p>
        <Link href={backHref} className={buttonClass("primary")}>
          {t("backToList")}
        </Link>
      </div>
    );
  }
  return (
    <TriageView
      loaded={loaded}
      cursor={pick.cursor}
      position={pick.position}
      listQuery={listQuery}
      backHref={backHref}
      thresholds={thresholds}
      can={{ reply: can(user.role, "messages.reply"), markRead: can(user.role, "messages.markRead") }}
    />
  );
}
