"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ScriptedControls } from "@/components/ui/scripted-controls";
import { loadConversationAction } from "@/lib/chat-sessions/actions";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { deleteMessageAction, markMessagesReadAction } from "@/lib/chat-sessions/messages/actions";
import { useT } from "@/lib/i18n/client";
import { MessageComposer, type Participant } from "./message-composer";
import { MessageBubble, MessageRow, type MessageSide, type MessageView } from "./message-item";
import { useScrollToNewest } from "./use-scroll-to-newest";
import { useUndoToast } from "@/components/undo/use-undo-toast";
import { NoteComposer } from "@/components/notes/note-composer";
import { StaffTimelineItem, type NoteAbility } from "@/components/notes/staff-timeline-item";
import type { StaffTimelineEntry } from "@/lib/session-notes/staff-timeline";
import { useActionError } from "@/components/ui/use-action-error";

type Props = {
  sessionId: number;
  /** the session's customer, then its vendor */
  participants: [Participant, Participant];
  initialMessages: ConversationMessage[];
  initialOlderBeforeId: number | null;
  can: { reply: boolean; markRead: boolean; delete: boolean };
  /** staff-only entries (private notes, assignment changes), shown between the messages by time */
  staffTimeline: StaffTimelineEntry[];
  noteAbility: NoteAbility;
};

/**
 * The relation manager of the edit page (MSG-1..7): every message of the session, read as a
 * chat (oldest at the top, scrolled to the newest, earlier ones loaded above), as a
 * conversation or a table; reply below it, mark read, delete. After a change the page is
 * refreshed so the counters and the sidebar badge show the database's new values.
 */
export function MessagesManager({ sessionId, participants, initialMessages, initialOlderBeforeId, can, staffTimeline, noteAbility }: Props) {
  const t = useT("messages");
  const common = useT("common");
  const router = useRouter();
  const showUndo = useUndoToast();
  // The newest page comes from the server on every render (so live refreshes show new messages
  // and read receipts); pages loaded further back are kept here and appended.
  const [older, setOlder] = useState<ConversationMessage[]>([]);
  const [olderCursor, setOlderCursor] = useState<number | null | undefined>(undefined);
  // Pages arrive newest first; the reader sees them oldest first.
  const messages = useMemo(() => {
    const oldestNewId = initialMessages.at(-1)?.id ?? Number.POSITIVE_INFINITY;
    return [...initialMessages, ...older.filter((m) => m.id < oldestNewId)].reverse();
  }, [initialMessages, older]);
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToNewest(scroller, messages.at(-1)?.id, messages[0]?.id);
  const olderBeforeId = olderCursor === undefined ? initialOlderBeforeId : olderCursor;
  // The staff's entries in time order among the messages; while older messages are still to load,
  // only the entries within the span shown (an older note appears with its messages).
  const timeline = useMemo(() => {
    const from = olderBeforeId && messages[0] ? messages[0].createdAt.getTime() : Number.NEGATIVE_INFINITY;
    const entries = staffTimeline.filter((entry) => entry.at.getTime() >= from);
    const merged: ({ kind: "message"; message: ConversationMessage } | { kind: "staff"; entry: StaffTimelineEntry })[] = [];
    let next = 0;
    for (const message of messages) {
      for (let entry = entries[next]; entry && entry.at.getTime() < message.createdAt.getTime(); entry = entries[next]) {
        merged.push({ kind: "staff", entry });
        next += 1;
      }
      merged.push({ kind: "message", message });
    }
    for (const entry of entries.slice(next)) merged.push({ kind: "staff", entry });
    return merged;
  }, [messages, staffTimeline, olderBeforeId]);
  const [view, setView] = useState<MessageView>("conversation");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [deleting, setDeleting] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();

  const actionError = useActionError();

  const loadOlder = () =>
    startTransition(async () => {
      const result = await loadConversationAction({ sessionId, beforeId: olderBeforeId });
      if (!result.ok) return actionError.toast(result.error);
      setOlder((current) => [...current, ...result.data.messages]);
      setOlderCursor(result.data.olderBeforeId);
    });

  const markRead = (input: { messageIds: number[] } | { all: true }) =>
    startTransition(async () => {
      const result = await markMessagesReadAction({ sessionId, ...input });
      if (!result.ok) return actionError.toast(result.error);
      const readAt = new Date(result.data.readAt);
      const markedReadBy = { name: result.data.readBy };
      const ids = "messageIds" in input ? new Set(input.messageIds) : null;
      setOlder((current) => current.map((m) => (m.readAt === null && (!ids || ids.has(m.id)) ? { ...m, readAt, markedReadBy } : m)));
      setSelected(new Set());
      showUndo(t("markedRead", { count: result.data.messages }), result.data.undoToken);
      router.refresh();
    });

  const confirmDelete = () =>
    startTransition(async () => {
      if (deleting === null) return;
      const result = await deleteMessageAction({ sessionId, messageId: deleting });
      setDeleting(null);
      if (!result.ok) return actionError.toast(result.error);
      setOlder((current) => current.filter((m) => m.id !== result.data.id));
      toast.success(t("deleted"));
      router.refresh();
    });

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const hasUnread = messages.some((m) => m.readAt === null);
  const [customer, vendor] = participants;
  // MSG-2: the side is the sender's place in this session; a sender no longer in the session (an
  // admin handed their seat to someone since) falls back to their own role.
  const sideOf = (message: ConversationMessage): MessageSide =>
    message.sender.id === customer.id ? "customer" : message.sender.id === vendor.id ? "vendor" : message.sender.role === "customer" ? "customer" : "vendor";
  const itemProps = (message: ConversationMessage) => ({
    message,
    side: sideOf(message),
    selected: selected.has(message.id),
    can,
    pending,
    onSelect: (on: boolean) => toggle(message.id, on),
    onMarkRead: () => markRead({ messageIds: [message.id] }),
    onDelete: () => setDeleting(message.id),
  });
  const allShownSelected = messages.length > 0 && messages.every((m) => selected.has(m.id));
  const selectAllShown = (on: boolean) => setSelected(on ? new Set(messages.map((m) => m.id)) : new Set());
  return (
    <section id="messages" aria-labelledby="messages-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="messages-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <ScriptedControls>
          <div role="group" aria-label={t("viewLabel")} className="ms-auto flex rounded-md border border-slate-300 dark:border-slate-600">
            {(["conversation", "table"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={view === option}
                className={`px-3 py-1.5 text-sm ${view === option ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : ""}`}
                onClick={() => setView(option)}
              >
                {t(option === "conversation" ? "conversationView" : "tableView")}
              </button>
            ))}
          </div>
          {can.markRead ? (
            <>
              <Button disabled={pending || selected.size === 0} onClick={() => markRead({ messageIds: [...selected] })}>
                {t("markSelectedRead")}
              </Button>
              <Button disabled={pending || !hasUnread} onClick={() => markRead({ all: true })}>
                {t("markAllRead")}
              </Button>
            </>
          ) : null}
        </ScriptedControls>
      </div>

      {messages.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
      {messages.length === 0 && staffTimeline.length > 0 ? (
        <ol className="space-y-3">
          {staffTimeline.map((entry) => (
            <StaffTimelineItem key={`${entry.kind}-${entry.id}`} entry={entry} ability={noteAbility} onChanged={() => router.refresh()} />
          ))}
        </ol>
      ) : null}
      <div
        ref={scroller}
        role="region"
        aria-label={t("historyLabel")}
        tabIndex={0}
        data-testid="messages-scroller"
        className="flex max-h-[70vh] flex-col gap-3 overflow-y-auto focus:outline-2 focus:outline-blue-600"
      >
        {/* Clicked before the page has hydrated, a message's buttons did nothing: disabled until then, the click waits. */}
        <ScriptedControls>
          {olderBeforeId ? (
            <div className="flex justify-center">
              <Button onClick={loadOlder} disabled={pending}>
                {pending ? common("loading") : t("loadOlder")}
              </Button>
            </div>
          ) : null}
          {messages.length === 0 ? null : view === "conversation" ? (
            <ol className="space-y-3" data-testid="messages-list">
              {timeline.map((item) =>
                item.kind === "message" ? (
                  <MessageBubble key={item.message.id} {...itemProps(item.message)} />
                ) : (
                  <StaffTimelineItem key={`${item.entry.kind}-${item.entry.id}`} entry={item.entry} ability={noteAbility} onChanged={() => router.refresh()} />
                ),
              )}
            </ol>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
              <table className="w-full text-start text-sm" data-testid="messages-list">
                <caption className="sr-only">{t("title")}</caption>
                <thead className="bg-slate-50 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  <tr>
                    <th scope="col" className="p-3 text-start">
                      <input type="checkbox" className="h-4 w-4" checked={allShownSelected} aria-label={t("selectAllShown")} onChange={(event) => selectAllShown(event.target.checked)} />
                    </th>
                    {(["colContent", "colSender", "colSentAt", "colStatus", "colActions"] as const).map((column) => (
                      <th key={column} scope="col" className="p-3 text-start font-semibold">
                        {t(column)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
                  {messages.map((message) => (
                    <MessageRow key={message.id} {...itemProps(message)} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </ScriptedControls>
      </div>
      {can.reply ? <MessageComposer sessionId={sessionId} participants={participants} onSent={() => router.refresh()} /> : null}
      {noteAbility.write ? <NoteComposer sessionId={sessionId} onAdded={() => router.refresh()} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t("deleteTitle")}
        body={t("deleteBody")}
        confirmLabel={t("deleteMessage")}
        pending={pending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
