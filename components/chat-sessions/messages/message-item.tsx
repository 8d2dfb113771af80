"use client";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ExactTime, RelativeTime } from "@/components/ui/relative-time";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { useT } from "@/lib/i18n/client";
import { LinkifiedText } from "./linkified-text";
import { WrittenByStaff } from "./written-by-staff";

export type MessageView = "conversation" | "table";
/** Which participant of the session sent a message (MSG-2): the session's customer or its vendor. */
export type MessageSide = "customer" | "vendor";

export type MessageItemProps = {
  message: ConversationMessage;
  side: MessageSide;
  selected: boolean;
  can: { markRead: boolean; delete: boolean };
  pending: boolean;
  onSelect: (on: boolean) => void;
  onMarkRead: () => void;
  onDelete: () => void;
};

/** MSG-2: the sender's name, a badge saying whether they are the customer or the vendor, and the staff member who wrote it for them. */
function Sender({ message, side }: { message: ConversationMessage; side: MessageSide }) {
  const shell = useT("shell");
  return (
    <span className="font-semibold">
      <bdi>{message.sender.name}</bdi> <Badge tone={side === "customer" ? "gray" : "blue"}>{shell(side === "customer" ? "roleCustomer" : "roleVendor")}</Badge>
      <WrittenByStaff writtenBy={message.writtenBy} side={side} />
    </span>
  );
}

/** MSG-4: read, with the time it was read (and the staff member who marked it, if one did), or unread. */
function ReadStatus({ readAt, markedReadBy }: Pick<ConversationMessage, "readAt" | "markedReadBy">) {
  const t = useT("messages");
  return readAt ? (
    <span className="text-emerald-800 dark:text-emerald-300">
      {markedReadBy ? t("markedReadBy", { name: markedReadBy.name }) : t("read")} · <ExactTime value={readAt} />
    </span>
  ) : (
    <strong className="text-amber-900 dark:text-amber-200">{t("unread")}</strong>
  );
}

function Controls({ message, can, pending, onMarkRead, onDelete }: Omit<MessageItemProps, "side" | "selected" | "onSelect">) {
  const t = useT("messages");
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
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
}

function SelectBox({ message, selected, onSelect }: Pick<MessageItemProps, "message" | "selected" | "onSelect">) {
  const t = useT("messages");
  return <input type="checkbox" className="h-4 w-4" checked={selected} aria-label={t("selectMessage", { id: message.id })} onChange={(event) => onSelect(event.target.checked)} />;
}

/**
 * One message as a chat bubble (MSG-1..4): the customer's on the start side, the vendor's on the
 * end side, so the conversation mirrors itself in RTL. `children`: the bubble's controls, if any.
 */
export function MessageBubbleFrame({ message, side, children }: { message: ConversationMessage; side: MessageSide; children?: ReactNode }) {
  const fromCustomer = side === "customer";
  return (
    <li className={`flex ${fromCustomer ? "justify-start" : "justify-end"}`} data-message-id={message.id} data-read={message.readAt ? "true" : "false"} data-side={side}>
      <div className={`max-w-[85%] space-y-1 rounded-2xl border border-slate-200 px-4 py-2 dark:border-slate-700 ${fromCustomer ? "rounded-ss-sm bg-white dark:bg-slate-800" : "rounded-se-sm bg-blue-50 dark:bg-blue-950"}`}>
        <div className="text-sm">
          <Sender message={message} side={side} />
        </div>
        <p className="whitespace-pre-wrap break-words text-sm" dir="auto">
          <LinkifiedText text={message.body} />
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <RelativeTime value={message.createdAt} />
          <ReadStatus readAt={message.readAt} markedReadBy={message.markedReadBy} />
        </div>
        {children}
      </div>
    </li>
  );
}

/** A bubble in the messages manager: selectable, with its controls. */
export function MessageBubble(props: MessageItemProps) {
  return (
    <MessageBubbleFrame message={props.message} side={props.side}>
      <div className="flex flex-wrap items-center gap-2">
        <SelectBox {...props} />
        <Controls {...props} />
      </div>
    </MessageBubbleFrame>
  );
}

/** One message as a row of the table view: content, sender, sent at, read status (MSG-1..4). */
export function MessageRow(props: MessageItemProps) {
  const { message, side } = props;
  return (
    <tr className="align-top" data-message-id={message.id} data-read={message.readAt ? "true" : "false"} data-side={side}>
      <td className="p-3">
        <SelectBox {...props} />
      </td>
      <td className="max-w-prose p-3 whitespace-pre-wrap break-words" dir="auto">
        <LinkifiedText text={message.body} />
      </td>
      <td className="p-3 whitespace-nowrap">
        <Sender message={message} side={side} />
      </td>
      <td className="p-3 whitespace-nowrap text-slate-700 dark:text-slate-300">
        <ExactTime value={message.createdAt} />
      </td>
      <td className="p-3">
        <ReadStatus readAt={message.readAt} markedReadBy={message.markedReadBy} />
      </td>
      <td className="p-3">
        <Controls {...props} />
      </td>
    </tr>
  );
}
