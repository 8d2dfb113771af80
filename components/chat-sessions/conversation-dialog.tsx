"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { loadConversationAction } from "@/lib/chat-sessions/actions";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import type { SessionRow } from "@/lib/chat-sessions/list-query";
import { useT } from "@/lib/i18n/client";
import { WrittenByStaff } from "@/components/messages/written-by-staff";

/**
 * MSG-2 in the modal: the sender's place in this session; a sender no longer in the session (an
 * admin handed their seat to someone since) falls back to their role.
 */
function sideOf(message: ConversationMessage, session: SessionRow): "customer" | "vendor" {
  if (message.sender.id === session.customerId) return "customer";
  if (message.sender.id === session.vendorId) return "vendor";
  return message.sender.role === "customer" ? "customer" : "vendor";
}

/** ROW-1: the conversation in a modal, for a quick look without leaving the list. */
export function ConversationDialog({ session, onClose }: { session: SessionRow | null; onClose: () => void }) {
  const t = useT("chatSessions");
  const shell = useT("shell");
  const common = useT("common");
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
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
        setError(result.error.message === "sessionNotFound" ? t("sessionNotFound") : common("errorBody"));
        return;
      }
      setMessages((current) => (beforeId ? [...current, ...result.data.messages] : result.data.messages));
      setOlderBeforeId(result.data.olderBeforeId);
    },
    [t, common],
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
  return (
    <Dialog open onClose={onClose} size="lg" title={t("conversationTitle", { product: session.productName })}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("conversationBetween", { customer: session.customerName, vendor: session.vendorName })}</p>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      {!error && !loading && messages.length === 0 ? <p className="text-sm">{t("noMessages")}</p> : null}
      <ol className="space-y-3" aria-live="polite">
        {messages.map((message) => {
          const side = sideOf(message, session);
          const fromCustomer = side === "customer";
          return (
            <li key={message.id} data-side={side} className={`flex ${fromCustomer ? "justify-start" : "justify-end"}`}>
              <div className={`max-w-[80%] rounded-2xl px-3 py-2 ${fromCustomer ? "bg-slate-100 dark:bg-slate-800" : "bg-blue-50 dark:bg-blue-950"}`}>
                <p className="text-xs font-semibold">
                  <bdi>{message.sender.name}</bdi> · <span className="font-normal">{shell(fromCustomer ? "roleCustomer" : "roleVendor")}</span>
                  <WrittenByStaff writtenBy={message.writtenBy} side={side} />
                </p>
                <p className="whitespace-pre-wrap break-words text-sm" dir="auto">
                  {message.body}
                </p>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  <RelativeTime value={message.createdAt} /> · {message.readAt ? t("read") : <strong>{t("unread")}</strong>}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {olderBeforeId ? (
        <div className="mt-4 flex justify-center">
          <Button onClick={() => void load(session.id, olderBeforeId)} disabled={loading}>
            {loading ? common("loading") : t("loadOlder")}
          </Button>
        </div>
      ) : loading ? (
        <p className="mt-3 text-sm">{common("loading")}</p>
      ) : null}
    </Dialog>
  );
}
