"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { CheckCheck, Check } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { LinkifiedText } from "@/components/chat-sessions/messages/linkified-text";
import { NotSentNotice } from "@/components/chat-sessions/messages/not-sent-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { submitOnEnter } from "@/components/ui/send-shortcut";
import { RelativeTime } from "@/components/ui/relative-time";
import { isServerFailure } from "@/lib/actions/result";
import type { ParticipantMessage } from "@/lib/chat-sessions/conversation";
import { loadChatHistoryAction, markChatReadAction, sendChatMessageAction } from "@/lib/participant-chat/actions";
import { chatMessageSchema, type ChatMessageInput } from "@/lib/participant-chat/chat-message-schema";
import { useT } from "@/lib/i18n/client";
import { useActionError } from "@/components/ui/use-action-error";

type Props = { sessionId: number; me: number; newestFirst: ParticipantMessage[]; olderBeforeId: number | null };

/**
 * The participant's conversation: oldest at the top, mine on the end side. New messages come
 * in live (the page refreshes on events); what the other side sent is marked read while it is
 * on screen, and my messages show when they were read.
 */
export function ChatConversation({ sessionId, me, newestFirst, olderBeforeId }: Props) {
  const t = useT("chat");
  const m = useT("messages");
  const actionError = useActionError();
  const router = useRouter();
  const [older, setOlder] = useState<ParticipantMessage[]>([]);
  const [cursor, setCursor] = useState<number | null | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const end = useRef<HTMLDivElement>(null);
  const messages = useMemo(() => {
    const oldestNewId = newestFirst.at(-1)?.id ?? Number.POSITIVE_INFINITY;
    return [...newestFirst, ...older.filter((message) => message.id < oldestNewId)].reverse();
  }, [newestFirst, older]);
  const newestFromOther = newestFirst.find((message) => message.sender.id !== me && message.readAt === null)?.id;

  // Read means seen: at once if the page is in view, else as soon as it comes into view.
  useEffect(() => {
    if (newestFromOther === undefined) return;
    const markRead = () => {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", markRead);
      void markChatReadAction({ sessionId }).then((result) => result.ok && result.data.messages > 0 && router.refresh());
    };
    document.addEventListener("visibilitychange", markRead);
    markRead();
    return () => document.removeEventListener("visibilitychange", markRead);
  }, [newestFromOther, sessionId, router]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trigger: a new message scrolls to the end
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [newestFirst]);

  const { register, handleSubmit, reset, formState } = useForm<ChatMessageInput>({ resolver: zodResolver(chatMessageSchema), defaultValues: { sessionId, body: "" } });
  // A send the server or the network failed keeps its draft and says so, with Retry; a refusal
  // (chat turned off, a body the schema refuses) says why.
  const [notSent, setNotSent] = useState(false);
  // Optimistic: the message shows at once, "sending…", until the server has it ("sent", then
  // the stored message itself replaces it); if it fails, the draft goes back to the box.
  const [outgoing, setOutgoing] = useState<{ body: string; storedId: number | null } | null>(null);
  const arrived = outgoing?.storedId != null && newestFirst.some((message) => message.id === outgoing.storedId);
  useEffect(() => {
    if (arrived) setOutgoing(null);
    else if (outgoing) end.current?.scrollIntoView({ block: "end" });
  }, [arrived, outgoing]);
  const send = handleSubmit(async (values) => {
    setOutgoing({ body: values.body, storedId: null });
    setNotSent(false);
    reset({ sessionId, body: "" });
    const result = await sendChatMessageAction(values).catch(() => null);
    setNotSent(result === null || (!result.ok && isServerFailure(result.error)));
    if (!result?.ok) {
      setOutgoing(null);
      reset({ sessionId, body: values.body });
      if (result && !isServerFailure(result.error)) toast.error(result.error.code === "invalid" ? m("bodyRequired") : actionError.text(result.error));
      return;
    }
    setOutgoing({ body: values.body, storedId: result.data.id });
    router.refresh();
  });
  const loadOlder = () =>
    startTransition(async () => {
      const result = await loadChatHistoryAction({ sessionId, beforeId: cursor === undefined ? olderBeforeId : cursor });
      if (!result.ok) return;
      setOlder((current) => [...current, ...result.data.messages]);
      setCursor(result.data.olderBeforeId);
    });
  const hasOlder = (cursor === undefined ? olderBeforeId : cursor) !== null;

  return (
    <div className="flex flex-1 flex-col gap-3">
      {hasOlder ? (
        <Button onClick={loadOlder} disabled={pending} className="self-center">
          {t("loadOlder")}
        </Button>
      ) : null}
      {messages.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("noMessages")}</p> : null}
      <ol className="space-y-2" aria-live="polite" data-testid="chat-messages">
        {messages.map((message) => {
          const mine = message.sender.id === me;
          // Written by the marketplace's support in someone's name: said so, and never who on the staff.
          const supportLabel = message.fromMarketplaceSupport ? t(mine ? "fromSupportForMe" : message.sender.role === "customer" ? "fromSupportForCustomer" : "fromSupportForVendor") : null;
          return (
            <li key={message.id} className={`flex ${mine ? "justify-end" : "justify-start"}`} data-message-id={message.id}>
              <div className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm ${mine ? "rounded-se-sm bg-blue-700 text-white" : "rounded-ss-sm border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800"}`}>
                {supportLabel ? (
                  <p className={`mb-1 text-xs font-semibold ${mine ? "text-blue-100" : "text-slate-700 dark:text-slate-300"}`} data-testid="from-marketplace-support">
                    {supportLabel}
                  </p>
                ) : null}
                <p className="whitespace-pre-wrap break-words" dir="auto">
                  <LinkifiedText text={message.body} />
                </p>
                <p className={`mt-1 flex items-center gap-1 text-xs ${mine ? "text-blue-100" : "text-slate-600 dark:text-slate-400"}`}>
                  <RelativeTime value={message.createdAt} />
                  {mine ? (
                    message.readAt ? (
                      <span data-testid="read-receipt" className="inline-flex items-center gap-0.5">
                        <CheckCheck aria-hidden="true" className="h-3.5 w-3.5" /> {t("readReceipt")}
                      </span>
                    ) : (
                      <span className="inline-flex items-center gap-0.5">
                        <Check aria-hidden="true" className="h-3.5 w-3.5" /> {t("delivered")}
                      </span>
                    )
                  ) : null}
                </p>
              </div>
            </li>
          );
        })}
        {outgoing && !arrived ? (
          <li className="flex justify-end" data-testid="outgoing-message" data-state={outgoing.storedId === null ? "sending" : "sent"}>
            <div className="max-w-[85%] rounded-2xl rounded-se-sm bg-blue-700 px-3 py-2 text-sm text-white opacity-80">
              <p className="whitespace-pre-wrap break-words" dir="auto">
                {outgoing.body}
              </p>
              <p className="mt-1 flex items-center gap-1 text-xs text-blue-100">
                {outgoing.storedId === null ? (
                  t("sending")
                ) : (
                  <>
                    <Check aria-hidden="true" className="h-3.5 w-3.5" /> {t("delivered")}
                  </>
                )}
              </p>
            </div>
          </li>
        ) : null}
      </ol>
      <div ref={end} />
      <form onSubmit={send} noValidate className="sticky bottom-0 flex items-end gap-2 border-t border-slate-200 bg-slate-50 pt-3 dark:border-slate-800 dark:bg-slate-950">
        <label htmlFor="chat-body" className="sr-only">
          {t("messageLabel")}
        </label>
        <textarea id="chat-body" rows={2} dir="auto" maxLength={4000} placeholder={t("messageLabel")} className={`${inputClass} flex-1`} aria-keyshortcuts="Enter" onKeyDown={submitOnEnter} {...register("body")} />
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("sending") : t("send")}
        </Button>
      </form>
      {notSent ? <NotSentNotice onRetry={() => void send()} retrying={formState.isSubmitting} /> : null}
    </div>
  );
}
