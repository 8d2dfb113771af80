"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { countSessionsAction, deleteSessionsAction, markSessionsReadAction } from "@/lib/chat-sessions/actions";
import { BulkBar } from "@/components/list-engine/bulk-bar";
import { ExportButton } from "@/components/list-engine/export-button";
import { ColumnMenu } from "@/components/list-engine/column-menu";
import { ListFilterChips, ListFiltersPanel } from "@/components/list-engine/list-filters";
import { ListNotices } from "@/components/list-engine/notices";
import { LoadingRegion } from "@/components/list-engine/loading-region";
import { SearchBox } from "@/components/list-engine/search-box";
import { Pagination } from "@/components/list-engine/pagination";
import { useListUrl } from "@/components/list-engine/use-list-url";
import { useSelection } from "@/components/list-engine/use-selection";
import { sessionsList, type SessionRow } from "@/lib/chat-sessions/list";
import {
  activeFilterCount,
  ENTITY_FILTER_KEYS,
  NO_FILTERS,
  serializeListParams,
  type EntityFilterKey,
  type FilterLabels,
  type ListParams,
} from "@/lib/chat-sessions/list-params";
import type { Cursor } from "@/lib/list-engine/cursor";
import type { Selection } from "@/lib/list-engine/selection";
import { filtersOf, type ListNotice } from "@/lib/list-engine/url-state";
import { useT } from "@/lib/i18n/client";
import { AssignMenu, type AssignAbility } from "@/components/assignment/assign-menu";
import { useAssign } from "@/components/assignment/use-assign";
import { useUndoToast } from "@/components/undo/use-undo-toast";
import { usePresence } from "@/components/presence/use-presence";
import { ConversationDialog } from "./conversation-dialog";
import { SessionsTable } from "./sessions-table";
import type { WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { SessionQueues, type QueuesState } from "./session-queues";
import { useActionError } from "@/components/ui/use-action-error";

export type ListPermissions = { create: boolean; edit: boolean; delete: boolean; markRead: boolean; export: boolean };

type Props = {
  params: ListParams;
  notices: ListNotice[];
  rows: SessionRow[];
  nextCursor: Cursor | null;
  previousCursor: Cursor | null;
  total: { count: number; capped: boolean };
  anySessions: boolean;
  visibleColumns: string[];
  /** where this user's choice of optional columns is remembered */
  columnsCookie: string;
  labels: FilterLabels;
  /** the name of the staff member the assignee filter names, if it names one */
  assigneeLabel: string | null;
  assignAbility: AssignAbility;
  permissions: ListPermissions;
  /** when the waiting column turns amber and red (issue 19) */
  thresholds: WaitingThresholds;
  /** the queue tabs (issue 19), on the main list only */
  queues?: QueuesState;
  /** shown on another resource's page: its heading, and the filters its page fixes (hidden here) */
  scope?: { title: string; locked: EntityFilterKey[] };
};

const NO_LOCK: EntityFilterKey[] = [];
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

/** A bulk deletion of "all matching" waits for its exact count (`counted`): the list's own stops at its cap. */
type PendingDelete = { kind: "row"; row: SessionRow } | { kind: "bulk"; counted: { sessions: number; messages: number } | null } | null;

/** The triage screen: toolbar, chips, bulk bar, table and pages, all driven by the URL. */
export function SessionsScreen({ params, notices, rows, nextCursor, previousCursor, total, anySessions, visibleColumns, columnsCookie, labels, assigneeLabel, assignAbility, permissions, thresholds, queues, scope }: Props) {
  const t = useT("chatSessions");
  const common = useT("common");
  const team = useT("team");
  const showUndo = useUndoToast();
  const rowIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const presence = usePresence({ watch: rowIds });
  const router = useRouter();
  const locked = scope?.locked ?? NO_LOCK;
  const url = useListUrl(sessionsList, params, locked);
  // The filters the user chose, without the ones the page fixes.
  const unlocked = (shown: ListParams): ListParams => ({ ...shown, ...Object.fromEntries(locked.map((key) => [key, null])) });
  const [viewing, setViewing] = useState<SessionRow | null>(null);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete>(null);
  const [acting, startAction] = useTransition();
  // Names just picked in a filter dropdown, shown on their chips until the server's labels arrive.
  const [picked, setPicked] = useState<Partial<Record<keyof FilterLabels, { id: number; label: string }>>>({});
  const onLabel = useCallback((key: string, id: number | null, label: string | null) => {
    setPicked((current) => ({ ...current, [key]: id != null && label != null ? { id, label } : undefined }));
  }, []);
  const labelOf = (key: keyof FilterLabels) => (picked[key] && picked[key].id === url.params[key] ? picked[key].label : labels[key]);
  const filterText = {
    label: (key: string) => t(FILTER_LABELS[key as keyof typeof FILTER_LABELS]),
    option: (key: string, value: string) => {
      if (key === "assignee" && (value === "me" || value === "none")) return team(value === "me" ? "assigneeMe" : "assigneeNone");
      const word = OPTION_LABELS[key]?.[value];
      return word ? t(word) : value;
    },
  };
  const shownLabels: Record<string, string | null> = {
    ...Object.fromEntries(ENTITY_FILTER_KEYS.map((key) => [key, labelOf(key)])),
    assignee: assignAbility.staff.find((member) => member.id === url.params.assignee)?.name ?? assigneeLabel,
  };
  // Message counts of every row seen, so BULK-2's confirmation can say how many messages go
  // with a selection that spans pages.
  const messageCounts = useRef(new Map<number, number>());
  useEffect(() => {
    for (const row of rows) messageCounts.current.set(row.id, row.messageCount);
  }, [rows]);

  // A new view (search, filters, sort) is a new set of rows: the selection does not carry over.
  const viewKey = serializeListParams({ ...params, after: null, before: null, page: 1 }).toString();
  const { selected, allMatching, selectAllMatching, toggle, togglePage, clear: clearSelection, selection } = useSelection(rows, filtersOf(sessionsList, params), viewKey);
  const onDeleteRow = useCallback((row: SessionRow) => setPendingDelete({ kind: "row", row }), []);

  const actionError = useActionError();

  const markRead = () =>
    startAction(async () => {
      const result = await markSessionsReadAction(selection());
      if (!result.ok) {
        actionError.toast(result.error);
        return;
      }
      showUndo(t("markedRead", { count: result.data.messages }), result.data.undoToken);
      clearSelection();
      router.refresh();
    });
  const { assign, pending: assigning } = useAssign(clearSelection);

  const confirmDelete = () =>
    startAction(async () => {
      const target: Selection<typeof sessionsList.filters> = pendingDelete?.kind === "row" ? { ids: [pendingDelete.row.id] } : selection();
      const result = await deleteSessionsAction(target);
      setPendingDelete(null);
      if (!result.ok) {
        actionError.toast(result.error);
        return;
      }
      toast.success(t("deleted", { count: result.data.sessions }));
      clearSelection();
      router.refresh();
    });

  const exportHref = (format: "csv" | "xlsx", fields: string[] | null, file: "export" | "transcript" = "export") => {
    // The file comes in the list's current sort: the view's own query, or the ticked ids in that order.
    const view = serializeListParams({ ...params, after: null, before: null, page: 1, columns: null });
    const query = allMatching ? view : new URLSearchParams({ ids: [...selected].join(","), ...(view.has("sort") ? { sort: params.sort, dir: params.dir } : {}) });
    query.set("format", format);
    if (fields) query.set("fields", fields.join(","));
    return `${sessionsList.path}/${file}?${query.toString()}`;
  };

  const filtered = activeFilterCount(unlocked(params)) > 0 || params.q !== "";
  const shownColumns = url.params.columns ?? visibleColumns;
  const toggleable = sessionsList.columns.filter((column) => column.toggleable).map((column) => ({ key: column.key, label: t(column.header) }));
  // The export's column picker offers what the screen shows (and the id, which the screen shows as the row's tick).
  const exportOffer = sessionsList.columns
    .filter((column) => !column.toggleable || shownColumns.includes(column.key))
    .map((column) => ({ key: column.key, label: t(column.header) }));
  const selectedCount = allMatching ? total.count : selected.size;
  const askBulkDelete = () => {
    setPendingDelete({ kind: "bulk", counted: null });
    if (!allMatching) return;
    startAction(async () => {
      const result = await countSessionsAction(selection());
      if (!result.ok) {
        setPendingDelete(null);
        return actionError.toast(result.error);
      }
      setPendingDelete((current) => (current?.kind === "bulk" ? { kind: "bulk", counted: result.data } : current));
    });
  };
  const bulkDeleteBody = (counted: { sessions: number; messages: number } | null) => {
    if (allMatching) return counted ? `${t("bulkDeleteBody", { count: counted.sessions })} ${t("bulkDeleteMessages", { count: counted.messages })}` : common("loading");
    const sessions = t("bulkDeleteBody", { count: selectedCount });
    const counts = [...selected].map((id) => messageCounts.current.get(id));
    if (counts.some((count) => count === undefined)) return sessions;
    return `${sessions} ${t("bulkDeleteMessages", { count: counts.reduce<number>((sum, count) => sum + (count ?? 0), 0) })}`;
  };

  // What a mass deletion asks to type: the exact number of sessions that go ("…" while still counting).
  const typedConfirmation = () => {
    if (pendingDelete?.kind !== "bulk") return undefined;
    if (allMatching) return pendingDelete.counted ? String(pendingDelete.counted.sessions) : "…";
    return selected.size > MASS_DELETION ? String(selected.size) : undefined;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {scope ? <h2 className="text-lg font-semibold">{scope.title}</h2> : <h1 className="text-2xl font-semibold">{t("title")}</h1>}
        {permissions.create && !scope ? (
          <Link href="/chat-sessions/new" className={buttonClass("primary")}>
            {t("newSession")}
          </Link>
        ) : null}
      </div>

      {queues ? <SessionQueues queues={queues} query={serializeListParams({ ...params, after: null, before: null, page: 1 }).toString()} /> : null}

      <ListNotices t={t} notices={notices} />

      <div className="flex flex-wrap items-start gap-2">
        <SearchBox id="session-search" label={t("searchLabel")} placeholder={t("searchPlaceholder")} maxLength={sessionsList.search?.maxLength ?? 0} value={params.q} onSearch={url.search} />
        <ListFiltersPanel t={t} text={filterText} filters={sessionsList.filters} values={unlocked(url.params)} hide={locked} labels={shownLabels} people={assignAbility.staff} onChange={url.change} onLabel={onLabel} />
        <ColumnMenu t={t} columns={toggleable} cookie={columnsCookie} visible={shownColumns} onChange={(columns) => url.change({ columns })} />
      </div>
      <ListFilterChips t={t} text={filterText} filters={sessionsList.filters} values={unlocked(url.params)} labels={shownLabels} onChange={url.change} />

      {selectedCount > 0 ? (
        <BulkBar
          selectedCount={selected.size}
          matchingCount={total.count}
          matchingCapped={total.capped}
          allMatching={allMatching}
          pageFullySelected={rows.length > 0 && rows.every((row) => selected.has(row.id))}
          t={t}
          onSelectAllMatching={selectAllMatching}
          onClear={clearSelection}
          actions={
            <>
              {permissions.markRead ? (
                <Button onClick={markRead} disabled={acting}>
                  {t("bulkMarkRead")}
                </Button>
              ) : null}
              {permissions.export
                ? (["csv", "xlsx"] as const).map((format) => (
                    <ExportButton key={format} t={t} href={exportHref(format, null, "transcript")} label={t(format === "csv" ? "transcriptCsv" : "transcriptXlsx")} fileName="chat-transcripts" />
                  ))
                : null}
              <AssignMenu ability={assignAbility} pending={assigning} onAssign={(assigneeId) => assign(selection(), assigneeId)} />
            </>
          }
          export={permissions.export ? { href: exportHref, columns: exportOffer, fileName: "chat-sessions" } : null}
          destructive={
            permissions.delete ? (
              <Button variant="danger" onClick={askBulkDelete} disabled={acting}>
                {t("bulkDelete")}
              </Button>
            ) : null
          }
        />
      ) : null}

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700" data-testid="sessions-empty">
          {!anySessions ? (
            <p className="text-lg">{t("empty")}</p>
          ) : (
            <>
              <p className="text-lg">{t("noMatches")}</p>
              {filtered ? (
                <button type="button" className={`${buttonClass("secondary")} mt-3`} onClick={() => url.change(NO_FILTERS)}>
                  {t("clearFilters")}
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <LoadingRegion pending={url.pending}>
          <p className="sr-only">{t("keyboardHint")}</p>
          <SessionsTable
            rows={rows}
            params={params}
            visibleColumns={shownColumns}
            fixedColumns={locked}
            selected={selected}
            allMatching={allMatching}
            permissions={{ edit: permissions.edit, delete: permissions.delete }}
            thresholds={thresholds}
            assignAbility={assignAbility}
            presence={presence}
            assigning={assigning}
            onAssign={(row, assigneeId) => assign({ ids: [row.id] }, assigneeId)}
            onToggle={toggle}
            onTogglePage={togglePage}
            onSort={(sort, dir) => url.change({ sort, dir })}
            onView={setViewing}
            onDelete={onDeleteRow}
          />
        </LoadingRegion>
      )}

      {rows.length > 0 || params.page > 1 ? (
        <Pagination t={t} page={params.page} size={params.size} sizes={sessionsList.pageSizes} shown={rows.length} total={total} nextCursor={nextCursor} previousCursor={previousCursor} onPage={url.page} onSize={(size) => url.change({ size })} />
      ) : null}

      <ConversationDialog session={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        open={pendingDelete !== null}
        title={pendingDelete?.kind === "row" ? t("deleteTitle") : t("bulkDeleteTitle")}
        body={
          pendingDelete?.kind === "row"
            ? t("deleteBody", { count: pendingDelete.row.messageCount, product: pendingDelete.row.productName, customer: pendingDelete.row.customerName, vendor: pendingDelete.row.vendorName })
            : bulkDeleteBody(pendingDelete?.counted ?? null)
        }
        typed={typedConfirmation()}
        confirmLabel={t("actionDelete")}
        pending={acting}
        onConfirm={confirmDelete}
        onCancel={() => setPendingDelete(null)}
      />
    </div>
  );
}
