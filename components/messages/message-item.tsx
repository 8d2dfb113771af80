"use client";
import { Badge } from "@/components/ui/badge";
import { ExactTime, RelativeTime } from "@/components/ui/relative-time";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { useT } from "@/lib/i18n/client";
import { roleLabelKey } from "@/lib/roles";
import { LinkifiedText } from "./linkified-text";

export type MessageView = "conversation" | "table";

type Props = {
  message: ConversationMessage;
  view: MessageView;
  selected: boolean;
  can: { markRead: boolean; delete: boolean };
  pending: boolean;
  onSelect: (on: boolean) => void;
  onMarkRead: () => void;
  onDelete: () => void;
};

/** One message: content (MSG-1), sender and role (MSG-2), time (MSG-3), read state (MSG-4). */
export function MessageItem({ message, view, selected, can, pending, onSelect, onMarkRead, onDelete }: Props) {
  const t = useT("messages");
  const shell = useT("shell");
  const fromCustomer = message.sender.role === "customer";
  const status = message.readAt ? (
    <span className="text-emerald-800 dark:text-emerald-300">
      {t("read")} · <ExactTime value={message.readAt} />
    </span>
  ) : (
    <strong className="text-amber-900 dark:text-amber-200">{t("unread")}</strong>
  );
  const controls = (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <input type="checkbox" className="h-4 w-4" checked={selected} aria-label={t("selectMessage", { id: message.id })} onChange={(event) => onSelect(event.target.checked)} />
      {can.markRead && !message.readAt ? (
        <button type="button" className="rounded px-1.5 py-0.5 text-blue-800 hover:underline dark:text-blue-300" disabled={pending} onClick={onMarkRead}>
          {t("markRead")}
        </button>
      ) : null}
      {can.delete ? (
        <button type="button" className="rounded px-1.5 py-0.5 text-red-700 hover:underline dark:text-red-400" disabled={pending} onClick={onDelete}>
          {t("deleteMessage")}
        </button>
      ) : null}
    </div>
  );
  const sender = (
    <span className="font-semibold">
      {message.sender.name} <Badge tone={fromCustomer ? "gray" : "blue"}>{shell(roleLabelKey(message.sender.role))}</Badge>
    </span>
  );

  if (view === "table") {
    return (
      <li className="grid gap-2 p-3 text-sm sm:grid-cols-[1fr_2fr_auto]" data-message-id={message.id} data-read={message.readAt ? "true" : "false"}>
        <div className="space-y-1">
          {sender}
          <div className="text-xs text-slate-600 dark:text-slate-400">
            <ExactTime value={message.createdAt} />
          </div>
        </div>
        <p className="whitespace-pre-wrap break-words" dir="auto">
          <LinkifiedText text={message.body} />
        </p>
        <div className="space-y-1 text-xs">
          {status}
          {controls}
        </div>
      </li>
    );
  }
  return (
    <li className={`flex ${fromCustomer ? "justify-start" : "justify-end"}`} data-message-id={message.id} data-read={message.readAt ? "true" : "false"}>
      <div className={`max-w-[85%] space-y-1 rounded-2xl px-4 py-2 ${fromCustomer ? "rounded-ss-sm bg-white dark:bg-slate-800" : "rounded-se-sm bg-blue-50 dark:bg-blue-950"} border border-slate-200 dark:border-slate-700`}>
        <div className="text-sm">{sender}</div>
        <p className="whitespace-pre-wrap break-words text-sm" dir="auto">
          <LinkifiedText text={message.body} />
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <RelativeTime value={message.createdAt} />
          {status}
        </div>
        {controls}
      </div>
    </li>
  );
}
