"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteSessionsAction, markSessionsReadAction } from "@/lib/chat-sessions/actions";
import {
  activeFilterCount,
  ENTITY_FILTER_KEYS,
  NO_FILTERS,
  serializeListParams,
  type Cursor,
  type EntityFilterKey,
  type FilterLabels,
  type ListNotice,
  type ListParams,
  type OptionalColumn,
} from "@/lib/chat-sessions/list-params";
import type { SessionRow } from "@/lib/chat-sessions/list-query";
import type { Selection } from "@/lib/chat-sessions/selection";
import { useT } from "@/lib/i18n/client";
import { BulkBar } from "./bulk-bar";
import { ColumnMenu } from "./column-menu";
import { ConversationDialog } from "./conversation-dialog";
import { FilterChips, FiltersPanel } from "./filters-panel";
import { Pagination } from "./pagination";
import { SearchBox } from "./search-box";
import { SessionsTable } from "./sessions-table";
import { useListUrl } from "./use-list-url";

export type ListPermissions = { create: boolean; edit: boolean; delete: boolean; markRead: boolean; export: boolean };

type Props = {
  params: ListParams;
  notices: ListNotice[];
  rows: SessionRow[];
  nextCursor: Cursor | null;
  previousCursor: Cursor | null;
  total: { count: number; capped: boolean };
  anySessions: boolean;
  visibleColumns: OptionalColumn[];
  /** where this user's choice of optional columns is remembered */
  columnsCookie: string;
  labels: FilterLabels;
  permissions: ListPermissions;
  /** shown on another resource's page: its heading, and the filters its page fixes (hidden here) */
  scope?: { title: string; locked: EntityFilterKey[] };
};

const NO_LOCK: EntityFilterKey[] = [];

type PendingDelete = { kind: "row"; row: SessionRow } | { kind: "bulk" } | null;

/** The triage screen: toolbar, chips, bulk bar, table and pages, all driven by the URL. */
export function SessionsView({ params, notices, rows, nextCursor, previousCursor, total, anySessions, visibleColumns, columnsCookie, labels, permissions, scope }: Props) {
  const t = useT("chatSessions");
  const common = useT("common");
  const router = useRouter();
  const locked = scope?.locked ?? NO_LOCK;
  const url = useListUrl(params, locked);
  // The filters the user chose, without the ones the page fixes.
  const unlocked = (shown: ListParams): ListParams => ({ ...shown, ...Object.fromEntries(locked.map((key) => [key, null])) });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [viewing, setViewing] = useState<SessionRow | null>(null);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete>(null);
  const [acting, startAction] = useTransition();
  // Names just picked in a filter dropdown, shown on their chips until the server's labels arrive.
  const [picked, setPicked] = useState<Partial<Record<keyof FilterLabels, { id: number; label: string }>>>({});
  const onLabel = useCallback((key: keyof FilterLabels, id: number | null, label: string | null) => {
    setPicked((current) => ({ ...current, [key]: id != null && label != null ? { id, label } : undefined }));
  }, []);
  const labelOf = (key: keyof FilterLabels) => (picked[key] && picked[key].id === url.params[key] ? picked[key].label : labels[key]);
  const shownLabels = Object.fromEntries(ENTITY_FILTER_KEYS.map((key) => [key, labelOf(key)])) as FilterLabels;
  // Message counts of every row seen, so BULK-2's confirmation can say how many messages go
  // with a selection that spans pages.
  const messageCounts = useRef(new Map<number, number>());
  useEffect(() => {
    for (const row of rows) messageCounts.current.set(row.id, row.messageCount);
  }, [rows]);

  // A new view (search, filters, sort) is a new set of rows: the selection does not carry over.
  const viewKey = serializeListParams({ ...params, after: null, before: null, page: 1 }).toString();
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, [viewKey]);

  const selection = (): Selection => (allMatching ? { filters: params } : { ids: [...selected] });
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const toggle = useCallback((id: number, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const togglePage = useCallback(
    (on: boolean) => {
      setAllMatching(false);
      setSelected(on ? new Set(rows.map((row) => row.id)) : new Set());
    },
    [rows],
  );
  const onDeleteRow = useCallback((row: SessionRow) => setPendingDelete({ kind: "row", row }), []);

  const reportError = (message: string): void => void toast.error(message === "forbidden" ? common("forbidden") : message === "databaseUnavailable" ? common("databaseUnavailable") : common("errorBody"));

  const markRead = () =>
    startAction(async () => {
      const result = await markSessionsReadAction(selection());
      if (!result.ok) {
        reportError(result.error.message);
        return;
      }
      toast.success(t("markedRead", { count: result.data.messages }));
      clearSelection();
      router.refresh();
    });

  const confirmDelete = () =>
    startAction(async () => {
      const target: Selection = pendingDelete?.kind === "row" ? { ids: [pendingDelete.row.id] } : selection();
      const result = await deleteSessionsAction(target);
      setPendingDelete(null);
      if (!result.ok) {
        reportError(result.error.message);
        return;
      }
      toast.success(t("deleted", { count: result.data.sessions }));
      clearSelection();
      router.refresh();
    });

  const exportHref = (format: "csv" | "xlsx") => {
    // The file comes in the list's current sort: the view's own query, or the ticked ids in that order.
    const view = serializeListParams({ ...params, after: null, before: null, page: 1, columns: null });
    const query = allMatching ? view : new URLSearchParams({ ids: [...selected].join(","), ...(view.has("sort") ? { sort: params.sort, dir: params.dir } : {}) });
    query.set("format", format);
    return `/chat-sessions/export?${query.toString()}`;
  };

  const filtered = activeFilterCount(unlocked(params)) > 0 || params.q !== "";
  const shownColumns = url.params.columns ?? visibleColumns;
  const selectedCount = allMatching ? total.count : selected.size;
  const bulkDeleteBody = () => {
    const sessions = t("bulkDeleteBody", { count: selectedCount });
    if (allMatching) return sessions;
    const counts = [...selected].map((id) => messageCounts.current.get(id));
    if (counts.some((count) => count === undefined)) return sessions;
    return `${sessions} ${t("bulkDeleteMessages", { count: counts.reduce<number>((sum, count) => sum + (count ?? 0), 0) })}`;
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

      {notices.length ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">{t("noticeTitle")}</p>
          <ul className="list-disc ps-5">
            {notices.map((notice) => (
              <li key={notice}>{t(`notice_${notice}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="flex flex-wrap items-start gap-2">
        <SearchBox value={params.q} onSearch={url.search} />
        <FiltersPanel params={unlocked(url.params)} hide={locked} labels={shownLabels} onChange={url.change} onLabel={onLabel} />
        <ColumnMenu cookie={columnsCookie} visible={shownColumns} onChange={(columns) => url.change({ columns })} />
      </div>
      <FilterChips params={unlocked(url.params)} labels={shownLabels} onChange={url.change} />

      {selectedCount > 0 ? (
        <BulkBar
          selectedCount={selected.size}
          matchingCount={total.count}
          matchingCapped={total.capped}
          allMatching={allMatching}
          pageFullySelected={rows.length > 0 && rows.every((row) => selected.has(row.id))}
          exportHref={exportHref}
          can={{ markRead: permissions.markRead, delete: permissions.delete, export: permissions.export }}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={clearSelection}
          onMarkRead={markRead}
          onDelete={() => setPendingDelete({ kind: "bulk" })}
          pending={acting}
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
        <div aria-busy={url.pending} className={url.pending ? "opacity-60 transition-opacity" : undefined}>
          <p className="sr-only">{t("keyboardHint")}</p>
          <SessionsTable
            rows={rows}
            params={params}
            visibleColumns={shownColumns}
            fixedColumns={locked}
            selected={selected}
            allMatching={allMatching}
            permissions={{ edit: permissions.edit, delete: permissions.delete }}
            onToggle={toggle}
            onTogglePage={togglePage}
            onSort={(sort, dir) => url.change({ sort, dir })}
            onView={setViewing}
            onDelete={onDeleteRow}
          />
        </div>
      )}

      {rows.length > 0 || params.page > 1 ? (
        <Pagination params={params} shown={rows.length} total={total} nextCursor={nextCursor} previousCursor={previousCursor} onPage={url.page} onSize={(size) => url.change({ size })} />
      ) : null}

      <ConversationDialog session={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        open={pendingDelete !== null}
        title={pendingDelete?.kind === "row" ? t("deleteTitle") : t("bulkDeleteTitle")}
        body={
          pendingDelete?.kind === "row"
            ? t("deleteBody", { count: pendingDelete.row.messageCount, product: pendingDelete.row.productName, customer: pendingDelete.row.customerName, vendor: pendingDelete.row.vendorName })
            : bulkDeleteBody()
        }
        confirmLabel={t("actionDelete")}
        pending={acting}
        onConfirm={confirmDelete}
        onCancel={() => setPendingDelete(null)}
      />
    </div>
  );
}
