"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useCallback, useEffect, useRef, useTransition } from "react";
import { toast } from "sonner";
import { WaitingCell } from "@/components/chat-sessions/waiting-cell";
import { MessageComposer } from "@/components/chat-sessions/messages/message-composer";
import { MessageBubbleFrame } from "@/components/chat-sessions/messages/message-item";
import { useScrollToNewest } from "@/components/chat-sessions/messages/use-scroll-to-newest";
import { Button, buttonClass } from "@/components/ui/button";
import type { WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { encodeCursor, type Cursor } from "@/lib/list-engine/cursor";
import { useT } from "@/lib/i18n/client";
import { markMessagesReadAction } from "@/lib/chat-sessions/messages/actions";
import { releaseHoldAction, renewHoldAction } from "@/lib/triage/actions";
import type { TriageSession } from "@/lib/triage/triage-session";

/** Renewed well inside the hold's few minutes (lib/triage/holds.ts). */
const RENEW_EVERY_MS = 60_000;

type Props = {
  loaded: TriageSession;
  cursor: Cursor;
  position: { at: number; of: number; capped: boolean };
  /** the list's URL query: the queue, and where "back to list" returns */
  listQuery: string;
  backHref: string;
  thresholds: WaitingThresholds;
  can: { reply: boolean; markRead: boolean };
};

/** The keys, as the page lists them. */
const KEYS = [
  ["r", "keyReply"],
  ["e", "keyMarkRead"],
  ["s", "keySkip"],
  ["Esc", "keyBack"],
] as const;

/** Keys typed into a field are text, not commands. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Issue 19's triage mode: one session of a queue at a time, oldest message first and scrolled to
 * the newest, with reply (r), mark read and next (e), skip (s) and back (Escape).
 */
export function TriageView({ loaded, cursor, position, listQuery, backHref, thresholds, can }: Props) {
  const t = useT("triage");
  const common = useT("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { session, messages } = loaded;
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToNewest(scroller, messages.at(-1)?.id, messages[0]?.id);

  const next = useCallback(() => {
    const query = new URLSearchParams(listQuery);
    query.set("at", encodeCursor(cursor));
    router.push(`/chat-sessions/triage?${query.toString()}`);
  }, [router, listQuery, cursor]);
  const back = useCallback(
    () =>
      startTransition(async () => {
        await releaseHoldAction({});
        router.push(backHref);
      }),
    [router, backHref],
  );
  const markReadAndNext = useCallback(
    () =>
      startTransition(async () => {
        const result = await markMessagesReadAction({ sessionId: session.id, all: true });
        if (!result.ok) {
          toast.error(result.error.message === "forbidden" ? common("forbidden") : common("errorBody"));
          return;
        }
        next();
      }),
    [session.id, next, common],
  );

  useEffect(() => {
    const timer = setInterval(() => {
      void renewHoldAction({ sessionId: session.id }).then((result) => {
        if (result.ok && !result.data) toast.warning(t("holdLost"));
      });
    }, RENEW_EVERY_MS);
    return () => clearInterval(timer);
  }, [session.id, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || pending) return;
      if (event.key === "Escape") {
        if (typing(event.target)) (event.target as HTMLElement).blur();
        else back();
        return;
      }
      if (typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "r" && can.reply) {
        event.preventDefault();
        document.getElementById("message-body")?.focus();
      } else if (key === "e" && can.markRead) markReadAndNext();
      else if (key === "s") next();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [pending, back, next, markReadAndNext, can]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">
            {t("title")} · <bdi>{session.productName}</bdi>
          </h1>
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="triage-position">{position.capped ? t("positionCapped", { at: position.at }) : t("position", { at: position.at, of: position.of })}</span>
            <WaitingCell row={session} thresholds={thresholds} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={back} disabled={pending}>
            {t("backToList")}
          </Button>
          <Link href={`/chat-sessions/${session.id}/edit`} className={buttonClass("secondary")}>
            {t("openEdit")}
          </Link>
        </div>
      </div>

      <section aria-label={t("conversation")} className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <div ref={scroller} className="max-h-[50vh] overflow-y-auto p-4" tabIndex={0} aria-label={t("conversation")}>
          {messages.length === 0 ? (
            <p>{t("noMessages")}</p>
          ) : (
            <ol className="space-y-3" data-testid="triage-conversation">
              {messages.map((message) => (
                <MessageBubbleFrame key={message.id} message={message} side={message.sender.id === session.customer.id ? "customer" : "vendor"} />
              ))}
            </ol>
          )}
        </div>
      </section>

      {can.reply ? <MessageComposer sessionId={session.id} participants={[session.customer, session.vendor]} onSent={next} /> : null}

      <div className="flex flex-wrap gap-2">
        {can.markRead ? (
          <Button variant="primary" onClick={markReadAndNext} disabled={pending}>
            {t("markReadNext")} <kbd className="ms-1 text-xs">e</kbd>
          </Button>
        ) : null}
        <Button onClick={next} disabled={pending}>
          {t("skip")} <kbd className="ms-1 text-xs">s</kbd>
        </Button>
      </div>

      <section aria-labelledby="triage-keys" className="text-sm text-slate-700 dark:text-slate-300">
        <h2 id="triage-keys" className="font-semibold">
          {t("keyboardTitle")}
        </h2>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {KEYS.map(([key, word]) => (
            <Fragment key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(word)}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
    </div>
  );
}
