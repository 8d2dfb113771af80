"use client";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { loadConversationAction } from "@/lib/chat-sessions/actions";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import type { SessionRow } from "@/lib/chat-sessions/list-query";
import { useT } from "@/lib/i18n/client";
import { roleLabelKey } from "@/lib/roles";

/** ROW-1: the conversation in a modal, for a quick look without leaving the list. */
export function ConversationDialog({ session, onClose }: { session: SessionRow | null; onClose: () => void }) {
  const t = useT("chatSessions");
  const shell = useT("shell");
  const common = useT("common");
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
  const [olderBeforeId, setOlderBeforeId] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (sessionId: number, beforeId: number | null) => {
      setLoading(true);
      const result = await loadConversationAction({ sessionId, beforeId });
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
          const fromCustomer = message.sender.role === "customer";
          return (
            <li key={message.id} className={`flex ${fromCustomer ? "justify-start" : "justify-end"}`}>
              <div className={`max-w-[80%] rounded-2xl px-3 py-2 ${fromCustomer ? "bg-slate-100 dark:bg-slate-800" : "bg-blue-50 dark:bg-blue-950"}`}>
                <p className="text-xs font-semibold">
                  {message.sender.name} · <span className="font-normal">{shell(roleLabelKey(message.sender.role))}</span>
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
