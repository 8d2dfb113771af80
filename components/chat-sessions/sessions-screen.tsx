"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { countSessionsAction, deleteSessionsAction, markSessionsReadAction } from "@/lib/chat-sessions/actions";
import { ExportButton } from "@/components/list-engine/export-button";
import { ListView, type BulkSelected, type ListScope, type ListViewState } from "@/components/list-engine/list-view";
import { useListWords } from "@/components/list-engine/use-list-words";
import { sessionsList, type SessionRow, type SessionsListState } from "@/lib/chat-sessions/list";
import { unpackRows } from "@/lib/list-engine/packed-rows";
import { serializeListState } from "@/lib/list-engine/url-state";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import { AssignMenu, type AssignAbility } from "@/components/assignment/assign-menu";
import { useAssign } from "@/components/assignment/use-assign";
import { useUndoToast } from "@/components/undo/use-undo-toast";
import { usePresence } from "@/components/presence/use-presence";
import { useActionError } from "@/components/ui/use-action-error";
import type { WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { ConversationDialog } from "./conversation-dialog";
import { RowActions } from "./row-actions";
import { useSessionCells } from "./session-cells";
import { SessionQueues, type QueuesState } from "./session-queues";

export type ListPermissions = { create: boolean; edit: boolean; delete: boolean; markRead: boolean; export: boolean };
type Filters = typeof sessionsList.filters;

type Props = {
  view: ListViewState<SessionRow, SessionsListState["sort"], Filters>;
  /** where this user's choice of optional columns is remembered */
  columnsCookie: string;
  assignAbility: AssignAbility;
  permissions: ListPermissions;
  /** when the waiting column turns amber and red (issue 19) */
  thresholds: WaitingThresholds;
  /** the queue tabs (issue 19), on the main list only */
  queues?: QueuesState;
  /** shown on another resource's page: its heading, and the filters its page fixes (hidden here) */
  scope?: ListScope;
};

const FILTER_LABELS = {
  customer: "filterCustomer",
  vendor: "filterVendor",
  product: "filterProduct",
  order: "filterOrder",
  unread: "filterUnread",
  recent: "filterRecent",
  awaiting: "filterAwaiting",
  waitingOver: "filterWaitingOver",
  assignee: "filterAssignee",
} as const;
/** The words of the choice filters' values. */
const OPTION_LABELS: Record<string, Record<string, "optionAwaitingVendor" | "optionAwaitingCustomer" | "optionOverAmber" | "optionOverRed">> = {
  awaiting: { vendor: "optionAwaitingVendor", customer: "optionAwaitingCustomer" },
  waitingOver: { amber: "optionOverAmber", red: "optionOverRed" },
};

/** Past this many sessions a bulk deletion asks for their number to be typed; "all matching" always does. */
const MASS_DELETION = 100;

/**
 * A deletion waiting for its confirmation: one row, or the bulk selection as it was when asked
 * (an "all matching" one waits for its exact count, `counted`: the list's own stops at its cap).
 */
type PendingDelete = { kind: "row"; row: SessionRow } | { kind: "bulk"; selected: BulkSelected<Filters>; counted: { sessions: number; messages: number } | null } | null;

/** The triage screen: the engine's list, with the queue tabs, the sessions' cells, row and bulk actions, and the conversation and deletion dialogs. */
export function SessionsScreen({ view, columnsCookie, assignAbility, permissions, thresholds, queues, scope }: Props) {
  const t = useT("chatSessions");
  const words = useUncheckedT("chatSessions");
  const listWords = useListWords("chatSessions");
  const common = useT("common");
  const team = useT("team");
  const showUndo = useUndoToast();
  const actionError = useActionError();
  const router = useRouter();
  const packed = view.page.rows;
  const rows = useMemo(() => unpackRows(packed), [packed]);
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const presence = usePresence({ watch: rowIds });
  const [viewing, setViewing] = useState<SessionRow | null>(null);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete>(null);
  const [acting, startAction] = useTransition();
  const { assign, pending: assigning } = useAssign();
  // Message counts of every row seen, so BULK-2's confirmation can say how many messages go
  // with a selection that spans pages.
  const messageCounts = useRef(new Map<number, number>());
  useEffect(() => {
    for (const row of rows) messageCounts.current.set(row.id, row.messageCount);
  }, [rows]);

  const text = useMemo(
    () => ({
      title: t("title"),
      search: t("searchLabel"),
      searchPlaceholder: t("searchPlaceholder"),
      empty: t("empty"),
      words,
      label: (key: string) => t(FILTER_LABELS[key as keyof typeof FILTER_LABELS]),
      option: (key: string, value: string) => {
        if (key === "assignee" && (value === "me" || value === "none")) return team(value === "me" ? "assigneeMe" : "assigneeNone");
        const word = OPTION_LABELS[key]?.[value];
        return word ? t(word) : value;
      },
    }),
    [t, team, words],
  );
  const cells = useSessionCells(view.params.q, thresholds, presence, assignAbility.me);
  const listQuery = serializeListState(sessionsList, view.params).toString();
  const onDeleteRow = useCallback((row: SessionRow) => setPendingDelete({ kind: "row", row }), []);
  const onAssignRow = useCallback((row: SessionRow, assigneeId: number | null) => assign({ ids: [row.id] }, assigneeId), [assign]);
  const rowPermissions = useMemo(() => ({ edit: permissions.edit, delete: permissions.delete }), [permissions.edit, permissions.delete]);
  const rowActions = useCallback(
    (row: SessionRow) => <RowActions row={row} permissions={rowPermissions} assignAbility={assignAbility} assigning={assigning} listQuery={listQuery} onView={setViewing} onDelete={onDeleteRow} onAssign={onAssignRow} />,
    [rowPermissions, assignAbility, assigning, listQuery, onDeleteRow, onAssignRow],
  );

  const markRead = (selected: BulkSelected<Filters>) =>
    startAction(async () => {
      const result = await markSessionsReadAction(selected.selection());
      if (!result.ok) return actionError.toast(result.error);
      showUndo(t("markedRead", { count: result.data.messages }), result.data.undoToken);
      selected.done();
      router.refresh();
    });

  const askBulkDelete = (selected: BulkSelected<Filters>) => {
    setPendingDelete({ kind: "bulk", selected, counted: null });
    if (!selected.allMatching) return;
    startAction(async () => {
      const result = await countSessionsAction(selected.selection());
      if (!result.ok) {
        setPendingDelete(null);
        return actionError.toast(result.error);
      }
      setPendingDelete((current) => (current?.kind === "bulk" ? { ...current, counted: result.data } : current));
    });
  };
  const confirmDelete = () =>
    startAction(async () => {
      if (!pendingDelete) return;
      const result = await deleteSessionsAction(pendingDelete.kind === "row" ? { ids: [pendingDelete.row.id] } : pendingDelete.selected.selection());
      setPendingDelete(null);
      if (!result.ok) return actionError.toast(result.error);
      toast.success(t("deleted", { count: result.data.sessions }));
      if (pendingDelete.kind === "bulk") pendingDelete.selected.done();
      router.refresh();
    });
  const bulkDeleteBody = ({ selected, counted }: { selected: BulkSelected<Filters>; counted: { sessions: number; messages: number } | null }) => {
    if (selected.allMatching) return counted ? `${t("bulkDeleteBody", { count: counted.sessions })} ${t("bulkDeleteMessages", { count: counted.messages })}` : common("loading");
    const sessions = t("bulkDeleteBody", { count: selected.count });
    const counts = selected.ids.map((id) => messageCounts.current.get(id));
    if (counts.some((count) => count === undefined)) return sessions;
    return `${sessions} ${t("bulkDeleteMessages", { count: counts.reduce<number>((sum, count) => sum + (count ?? 0), 0) })}`;
  };
  // What a mass deletion asks to type: the exact number of sessions that go ("…" while still counting).
  const typedConfirmation = () => {
    if (pendingDelete?.kind !== "bulk") return undefined;
    if (pendingDelete.selected.allMatching) return pendingDelete.counted ? String(pendingDelete.counted.sessions) : "…";
    return pendingDelete.selected.ids.length > MASS_DELETION ? String(pendingDelete.selected.ids.length) : undefined;
  };

  return (
    <ListView
      declaration={sessionsList}
      view={view}
      t={listWords}
      text={text}
      columnsCookie={columnsCookie}
      canExport={permissions.export}
      scope={scope}
      people={assignAbility.staff}
      searchId="session-search"
      actions={
        permissions.create && !scope ? (
          <Link href="/chat-sessions/new" className={buttonClass("primary")}>
            {t("newSession")}
          </Link>
        ) : null
      }
      above={queues ? <SessionQueues queues={queues} query={serializeListState(sessionsList, { ...view.params, after: null, before: null, page: 1 }).toString()} /> : null}
      cells={cells}
      rowActions={rowActions}
      onOpen={setViewing}
      bulkActions={(selected) => (
        <>
          {permissions.markRead ? (
            <Button onClick={() => markRead(selected)} disabled={acting}>
              {t("bulkMarkRead")}
            </Button>
          ) : null}
          {permissions.export
            ? (["csv", "xlsx"] as const).map((format) => (
                <ExportButton key={format} t={listWords} href={selected.exportHref(format, null, "transcript")} label={t(format === "csv" ? "transcriptCsv" : "transcriptXlsx")} fileName="chat-transcripts" />
              ))
            : null}
          <AssignMenu ability={assignAbility} pending={assigning} onAssign={(assigneeId) => assign(selected.selection(), assigneeId, selected.done)} />
        </>
      )}
      destructiveBulkActions={(selected) =>
        permissions.delete ? (
          <Button variant="danger" onClick={() => askBulkDelete(selected)} disabled={acting}>
            {t("bulkDelete")}
          </Button>
        ) : null
      }
    >
      <ConversationDialog session={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        open={pendingDelete !== null}
        title={pendingDelete?.kind === "row" ? t("deleteTitle") : t("bulkDeleteTitle")}
        body={
          pendingDelete?.kind === "row"
            ? t("deleteBody", { count: pendingDelete.row.messageCount, product: pendingDelete.row.productName, customer: pendingDelete.row.customerName, vendor: pendingDelete.row.vendorName })
            : pendingDelete
              ? bulkDeleteBody(pendingDelete)
              : ""
        }
        typed={typedConfirmation()}
        confirmLabel={t("actionDelete")}
        pending={acting}
        onConfirm={confirmDelete}
        onCancel={() => setPendingDelete(null)}
      />
    </ListView>
  );
}
