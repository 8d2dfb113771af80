"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { loadConversationAction } from "@/lib/chat-sessions/actions";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import type { SessionRow } from "@/lib/chat-sessions/list-query";
import { markMessagesReadAction } from "@/lib/chat-sessions/messages/actions";
import { useUndoToast } from "@/components/undo/use-undo-toast";
import { useT } from "@/lib/i18n/client";
import { MessageComposer } from "@/components/chat-sessions/messages/message-composer";
import { useScrollToNewest } from "@/components/chat-sessions/messages/use-scroll-to-newest";
import { WrittenByStaff } from "@/components/chat-sessions/messages/written-by-staff";
import { useActionError } from "@/components/ui/use-action-error";

/**
 * MSG-2 in the modal: the sender's place in this session; a sender no longer in the session (an
 * admin handed their seat to someone since) falls back to their role.
 */
function sideOf(message: ConversationMessage, session: SessionRow): "customer" | "vendor" {
  if (message.sender.id === session.customerId) return "customer";
  if (message.sender.id === session.vendorId) return "vendor";
  return message.sender.role === "customer" ? "customer" : "vendor";
}

/**
 * ROW-1: the conversation in a modal, for a quick look without leaving the list, read as a chat
 * (oldest at the top, scrolled to the newest); a quick look can become a quick answer: reply
 * and mark read are here too.
 */
export function ConversationDialog({ session, onClose }: { session: SessionRow | null; onClose: () => void }) {
  const t = useT("chatSessions");
  const shell = useT("shell");
  const common = useT("common");
  const m = useT("messages");
  const actionError = useActionError();
  const router = useRouter();
  const showUndo = useUndoToast();
  // Newest first, as pages arrive; shown reversed.
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
  const [marking, startMarking] = useTransition();
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToNewest(scroller, messages[0]?.id, messages.at(-1)?.id);
  const [olderBeforeId, setOlderBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The session shown now: an answer for a session closed or replaced meanwhile is dropped.
  const shownId = useRef<number | null>(null);

  const load = useCallback(
    async (sessionId: number, beforeId: number | null) => {
      setLoading(true);
      const result = await loadConversationAction({ sessionId, beforeId });
      if (shownId.current !== sessionId) return;
      setLoading(false);
      if (!result.ok) {
        setError(actionError.text(result.error));
        return;
      }
      setMessages((current) => (beforeId ? [...current, ...result.data.messages] : result.data.messages));
      setOlderBeforeId(result.data.olderBeforeId);
    },
    [actionError],
  );

  useEffect(() => {
    setMessages([]);
    setError(null);
    setOlderBeforeId(null);
    setLoading(false);
    shownId.current = session?.id ?? null;
    if (session) void load(session.id, null);
  }, [session, load]);

  if (!session) return null;
  // After a change here, the list behind (unread badges, last message) follows.
  const changed = () => {
    void load(session.id, null);
    router.refresh();
  };
  const markAllRead = () =>
    startMarking(async () => {
      const result = await markMessagesReadAction({ sessionId: session.id, all: true });
      if (!result.ok) return actionError.toast(result.error);
      showUndo(m("markedRead", { count: result.data.messages }), result.data.undoToken);
      changed();
    });
  const hasUnread = messages.some((message) => message.readAt === null);
  return (
    <Dialog open onClose={onClose} size="lg" title={t("conversationTitle", { product: session.productName })}>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("conversationBetween", { customer: session.customerName, vendor: session.vendorName })}</p>
        <Button className="ms-auto" disabled={marking || !hasUnread} onClick={markAllRead}>
          {m("markAllRead")}
        </Button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      {!error && !loading && messages.length === 0 ? <p className="text-sm">{t("noMessages")}</p> : null}
      <div ref={scroller} role="region" aria-label={t("conversationTitle", { product: session.productName })} tabIndex={0} className="max-h-[50vh] overflow-y-auto focus:outline-2 focus:outline-blue-600" data-testid="conversation-scroller">
        {olderBeforeId ? (
          <div className="mb-4 flex justify-center">
            <Button onClick={() => void load(session.id, olderBeforeId)} disabled={loading}>
              {loading ? common("loading") : t("loadOlder")}
            </Button>
          </div>
        ) : null}
        <ol className="space-y-3" aria-live="polite" data-testid="conversation-messages">
          {[...messages].reverse().map((message) => {
            const side = sideOf(message, session);
            const fromCustomer = side === "customer";
            return (
              <li key={message.id} data-side={side} data-message-id={message.id} className={`flex ${fromCustomer ? "justify-start" : "justify-end"}`}>
                <div className={`max-w-[80%] rounded-2xl px-3 py-2 ${fromCustomer ? "bg-slate-100 dark:bg-slate-800" : "bg-blue-50 dark:bg-blue-950"}`}>
                  <p className="text-xs font-semibold">
                    <bdi>{message.sender.name}</bdi> · <span className="font-normal">{shell(fromCustomer ? "roleCustomer" : "roleVendor")}</span>
                    <WrittenByStaff writtenBy={message.writtenBy} side={side} />
                  </p>
                  <p className="whitespace-pre-wrap break-words text-sm" dir="auto">
                    {message.body}
                  </p>
                  <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    <RelativeTime value={message.createdAt} /> · {message.readAt ? (message.markedReadBy ? m("markedReadBy", { name: message.markedReadBy.name }) : t("read")) : <strong>{t("unread")}</strong>}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
      {loading && messages.length === 0 ? <p className="mt-3 text-sm">{common("loading")}</p> : null}
      <div className="mt-4">
        <MessageComposer
          sessionId={session.id}
          participants={[
            { id: session.customerId, name: session.customerName, role: "customer" },
            { id: session.vendorId, name: session.vendorName, role: "vendor" },
          ]}
          onSent={changed}
          titled={false}
        />
      </div>
    </Dialog>
  );
}
