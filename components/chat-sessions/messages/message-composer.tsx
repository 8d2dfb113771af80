"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { NotSentNotice } from "@/components/chat-sessions/messages/not-sent-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SEND_SHORTCUT_KEYS, submitOnModEnter } from "@/components/ui/send-shortcut";
import { isServerFailure } from "@/lib/actions/result";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { addMessageAction, recentStaffReplyAction } from "@/lib/chat-sessions/messages/actions";
import type { RecentStaffReply } from "@/lib/chat-sessions/messages/recent-staff-reply";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { replyingReporter } from "@/components/presence/use-presence";
import { MAX_BODY, newMessageSchema, type NewMessageInput } from "@/lib/chat-sessions/messages/message-schema";
import { useLocale, useT, useUncheckedT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";
import type { Role } from "@/lib/generated/prisma/enums";
import { useActionError } from "@/components/ui/use-action-error";

export type Participant = { id: number; name: string; role: Role };

/** MSG-5: a reply, written as either participant: `participants` is the session's customer, then its vendor. */
export function MessageComposer({
  sessionId,
  participants,
  onSent,
  titled = true,
}: {
  sessionId: number;
  participants: [Participant, Participant];
  onSent: (message: ConversationMessage) => void;
  /** false where the context names it already (the conversation modal): the form is labelled instead. */
  titled?: boolean;
}) {
  const t = useT("messages");
  const words = useUncheckedT("messages");
  const actionError = useActionError();
  const shell = useT("shell");
  const locale = useLocale();
  const { register, handleSubmit, reset, control, setError, formState } = useForm<NewMessageInput>({
    resolver: zodResolver(newMessageSchema),
    // The vendor answering is the usual case (FLOW-1). A radio's value is text, so the chosen id
    // is kept as text here (the schema coerces it); a number would leave every radio unchecked.
    defaultValues: { sessionId, senderId: String(participants[1].id), body: "" },
  });
  // The counter counts what will be stored: the schema trims the body first.
  const length = (useWatch({ control, name: "body" }) ?? "").trim().length;
  const errorText = (key: string | undefined) => (key ? words(key) : undefined);

  // A send the server or the network failed keeps its draft and says so, with Retry; a refusal says why.
  const [notSent, setNotSent] = useState(false);
  const team = useT("team");
  const reportReplying = useMemo(() => replyingReporter(sessionId), [sessionId]);
  // Issue 20: another agent's reply went out in the last 30 s: it is shown, and sending asks first.
  const [collision, setCollision] = useState<{ values: NewMessageInput; reply: RecentStaffReply } | null>(null);
  const send = handleSubmit(async (values) => {
    const recent = await recentStaffReplyAction({ sessionId }).catch(() => null);
    if (recent?.ok && recent.data) {
      setCollision({ values, reply: recent.data });
      return;
    }
    await deliver(values);
  });
  const deliver = async (values: NewMessageInput) => {
    const result = await addMessageAction(values).catch(() => null);
    setNotSent(result === null || (!result.ok && isServerFailure(result.error)));
    if (!result || (!result.ok && isServerFailure(result.error))) return;
    if (!result.ok) {
      const field = result.error.fieldErrors?.senderId;
      if (field) setError("senderId", { message: field });
      else actionError.toast(result.error);
      return;
    }
    reset({ sessionId, senderId: String(values.senderId), body: "" });
    toast.success(t("sent"));
    onSent(result.data);
  };

  return (
    <form onSubmit={send} noValidate aria-label={titled ? undefined : t("newMessage")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      {titled ? <h3 className="font-semibold">{t("newMessage")}</h3> : null}
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">{t("sendAs")}</legend>
        {participants.map((participant, index) => (
          <label key={participant.id} className="flex items-center gap-2 text-sm">
            <input type="radio" value={participant.id} {...register("senderId")} />
            <bdi>{participant.name}</bdi> ({shell(index === 0 ? "roleCustomer" : "roleVendor")})
          </label>
        ))}
      </fieldset>
      {formState.errors.senderId ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{errorText(formState.errors.senderId.message)}</p> : null}
      <div className="space-y-1">
        <label htmlFor="message-body" className="block text-sm font-medium">
          {t("body")}
        </label>
        <textarea
          id="message-body"
          rows={3}
          dir="auto"
          className={inputClass}
          aria-invalid={formState.errors.body ? true : undefined}
          aria-describedby="message-body-counter"
          aria-keyshortcuts={SEND_SHORTCUT_KEYS}
          onKeyDown={submitOnModEnter}
          {...register("body", { onChange: reportReplying })}
        />
        <div className="flex justify-between text-xs">
          <span role="alert" className="text-red-700 dark:text-red-400">
            {errorText(formState.errors.body?.message)}
          </span>
          <span id="message-body-counter" dir="ltr" className={length > MAX_BODY ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>
            {t("counter", { count: formatNumber(locale, length), max: formatNumber(locale, MAX_BODY) })}
          </span>
        </div>
      </div>
      <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("sending") : t("send")}
      </Button>
      {notSent ? <NotSentNotice onRetry={() => void send()} retrying={formState.isSubmitting} /> : null}
      <ConfirmDialog
        open={collision !== null}
        title={team("recentReplyTitle")}
        body={
          collision ? (
            <>
              <span className="block">{team("recentReplyBody", { name: collision.reply.by })}</span>
              <q className="mt-2 block whitespace-pre-wrap rounded-md bg-slate-100 p-2 dark:bg-slate-800" dir="auto" data-testid="recent-reply">
                {collision.reply.body}
              </q>
            </>
          ) : (
            ""
          )
        }
        confirmLabel={team("sendAnyway")}
        tone="primary"
        pending={formState.isSubmitting}
        onConfirm={() => {
          const values = collision?.values;
          setCollision(null);
          if (values) void deliver(values);
        }}
        onCancel={() => setCollision(null)}
      />
    </form>
  );
}
