"use client";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { ScriptedControls } from "@/components/ui/scripted-controls";
import type { Cursor } from "@/lib/list-engine/cursor";
import type { FilterDeclarations, ListDeclaration } from "@/lib/list-engine/declaration";
import { unpackRows, type PackedRows } from "@/lib/list-engine/packed-rows";
import type { Selection } from "@/lib/list-engine/selection";
import { activeFilterCount, filtersOf, noFilters, serializeListState, type ListFilters, type ListNotice, type ListState } from "@/lib/list-engine/url-state";
import { BulkBar } from "./bulk-bar";
import { ColumnMenu } from "./column-menu";
import { ListFilterChips, ListFiltersPanel, type FilterPeople, type FilterText } from "./list-filters";
import { ListTable } from "./list-table";
import { LoadingRegion } from "./loading-region";
import type { ListViewWords } from "./list-words";
import { NoScriptControls } from "./no-script-controls";
import { ListNotices } from "./notices";
import { Pagination } from "./pagination";
import { SearchBox } from "./search-box";
import { useListUrl } from "./use-list-url";
import { useSelection } from "./use-selection";

/** What the server worked out for one URL (lib/list-engine/load-view.ts), as the screen receives it: its rows packed (packView). */
export type ListViewState<Row, S extends string, F extends FilterDeclarations> = {
  params: ListState<S, F>;
  notices: ListNotice[];
  page: { rows: PackedRows<Row>; nextCursor: Cursor | null; previousCursor: Cursor | null };
  total: { count: number; capped: boolean };
  anyRows: boolean;
  visibleColumns: string[];
  labels: Record<string, string | null>;
};

/** What a section's bulk actions act on: the ticked ids or "all matching", as the bulk bar has them now. */
export type BulkSelected<F extends FilterDeclarations> = {
  selection: () => Selection<F>;
  /** the ticked ids (empty when all matching are selected) */
  ids: number[];
  allMatching: boolean;
  count: number;
  /** clears the selection once an action has acted */
  done: () => void;
  /** a file of the selection, in the list's current sort: the export route, or another of the section's (`route`) */
  exportHref: (format: "csv" | "xlsx", fields: string[] | null, route?: string) => string;
};

/** A relation table on another record's page: its heading, and the filters that page fixes (hidden, not repeated in the URL, and their columns not shown). */
export type ListScope = { title: string; locked: readonly string[] };

type Props<Row extends { id: number }, S extends string, F extends FilterDeclarations> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declaration: ListDeclaration<Row, S, F, any>;
  view: ListViewState<Row, S, F>;
  t: ListViewWords;
  text: FilterText & { title: string; search: string; searchPlaceholder?: string; empty: string; words: (key: string) => string };
  columnsCookie: string;
  canExport: boolean;
  /** buttons beside the title (e.g. "New user"), rendered by the page */
  actions?: ReactNode;
  /** between the title and the toolbar (the sessions list's queue tabs) */
  above?: ReactNode;
  scope?: ListScope;
  /** whom an assignee filter offers */
  people?: FilterPeople;
  searchId?: string;
  cells?: Partial<Record<string, (row: Row) => ReactNode>>;
  rowActions?: (row: Row) => ReactNode;
  /** the section's bulk action buttons, before the export */
  bulkActions?: (selected: BulkSelected<F>) => ReactNode;
  /** its destructive bulk actions, last */
  destructiveBulkActions?: (selected: BulkSelected<F>) => ReactNode;
  /** where Enter on a row goes */
  openHref?: (row: Row) => string;
  /** or what it does instead (the sessions list's conversation dialog) */
  onOpen?: (row: Row) => void;
  /** the section's dialogs */
  children?: ReactNode;
};

const NO_LOCK: readonly string[] = [];

/**
 * Any section's list screen from its declaration: search, typed filters and their chips, the
 * column menu, notices, the bulk bar (select all matching, export with its column picker), the
 * table with its keyboard model, and keyset pages — all driven by the URL.
 */
export function ListView<Row extends { id: number }, S extends string, F extends FilterDeclarations>(props: Props<Row, S, F>) {
  const { declaration, view, t, text, columnsCookie, canExport, scope, people, openHref, onOpen: openInPlace } = props;
  const router = useRouter();
  const { params, total } = view;
  const packed = view.page.rows;
  const page = useMemo(() => ({ ...view.page, rows: unpackRows(packed) }), [view.page, packed]);
  const locked = scope?.locked ?? NO_LOCK;
  const url = useListUrl(declaration, params, locked);
  // The filters the user chose, without the ones a scope fixes.
  const unlocked = <V extends object>(values: V): V => ({ ...values, ...Object.fromEntries(locked.map((key) => [key, null])) });
  // Names just picked in a combobox, shown on their chips until the server's labels arrive.
  const [picked, setPicked] = useState<Record<string, { id: number | null; label: string | null }>>({});
  const urlValues = url.params as Record<string, unknown>;
  const labelOf = (key: string, label: string | null) => {
    const person = declaration.filters[key]?.kind === "assignee" ? people?.find((member) => member.id === urlValues[key]) : undefined;
    if (person) return person.name;
    return picked[key] && picked[key].id === urlValues[key] ? picked[key].label : label;
  };
  const labels = Object.fromEntries(Object.entries(view.labels).map(([key, label]) => [key, labelOf(key, label)]));
  const viewKey = serializeListState(declaration, { ...params, after: null, before: null, page: 1 }).toString();
  const selection = useSelection<F>(page.rows, filtersOf(declaration, params), viewKey);
  const shownColumns = url.params.columns ?? view.visibleColumns;
  const label = (column: { key: string; header: string }) => ({ key: column.key, label: text.words(column.header) });
  const exportHref = (format: "csv" | "xlsx", fields: string[] | null, route = "export") => {
    // The file comes in the list's current sort: the view's own query, or the ticked ids in that order.
    const current = serializeListState(declaration, { ...params, after: null, before: null, page: 1, columns: null });
    const query = selection.allMatching ? current : new URLSearchParams({ ids: [...selection.selected].join(","), sort: params.sort, dir: params.dir });
    query.set("format", format);
    if (fields) query.set("fields", fields.join(","));
    return `${declaration.path}/${route}?${query.toString()}`;
  };
  const selectedCount = selection.allMatching ? total.count : selection.selected.size;
  const selected: BulkSelected<F> = { selection: selection.selection, ids: [...selection.selected], allMatching: selection.allMatching, count: selectedCount, done: selection.clear, exportHref };
  const filtered = activeFilterCount(declaration, unlocked(params)) > 0 || params.q !== "";
  const changeFilters = (patch: Partial<ListFilters<F>>) => url.change(patch as Partial<ListState<S, F>>);
  const onOpen = useCallback((row: Row) => (openInPlace ? openInPlace(row) : openHref && router.push(openHref(row))), [router, openHref, openInPlace]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {scope ? <h2 className="text-lg font-semibold">{scope.title}</h2> : <h1 className="text-2xl font-semibold">{text.title}</h1>}
        {props.actions ? <div className="flex flex-wrap gap-2">{props.actions}</div> : null}
      </div>
      {props.above}
      <ListNotices t={t} notices={view.notices} />
      <div className="flex flex-wrap items-start gap-2">
        {declaration.search ? <SearchBox id={props.searchId ?? "list-search"} label={text.search} placeholder={text.searchPlaceholder ?? text.search} maxLength={declaration.search.maxLength} value={params.q} onSearch={url.search} /> : null}
        <ScriptedControls>
          <ListFiltersPanel
            t={t}
            text={text}
            filters={declaration.filters}
            values={unlocked(url.params)}
            hide={locked}
            labels={labels}
            people={people}
            onChange={changeFilters}
            onLabel={(key, id, label) => setPicked((current) => ({ ...current, [key]: { id, label } }))}
          />
          <ColumnMenu t={t} columns={declaration.columns.filter((column) => column.toggleable).map(label)} cookie={columnsCookie} visible={shownColumns} onChange={(columns) => url.change({ columns } as Partial<ListState<S, F>>)} />
        </ScriptedControls>
      </div>
      {/* A relation table lives on another page's path: its no-script links would lead to the list's own. */}
      {scope ? null : <NoScriptControls declaration={declaration} params={params} page={page} t={t} text={text} />}
      <ListFilterChips t={t} text={text} filters={declaration.filters} values={unlocked(url.params)} labels={labels} onChange={changeFilters} />
      {selectedCount > 0 ? (
        <BulkBar
          t={t}
          selectedCount={selection.selected.size}
          matchingCount={total.count}
          matchingCapped={total.capped}
          allMatching={selection.allMatching}
          pageFullySelected={page.rows.length > 0 && page.rows.every((row) => selection.selected.has(row.id))}
          onSelectAllMatching={selection.selectAllMatching}
          onClear={selection.clear}
          actions={props.bulkActions?.(selected)}
          destructive={props.destructiveBulkActions?.(selected)}
          export={canExport ? { href: exportHref, columns: declaration.columns.filter((column) => !column.toggleable || shownColumns.includes(column.key)).map(label), fileName: declaration.path.slice(1) } : null}
        />
      ) : null}
      {page.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700" data-testid="list-empty">
          <p className="text-lg">{view.anyRows ? t("noMatches") : text.empty}</p>
          {view.anyRows && filtered ? (
            <button type="button" className={`${buttonClass("secondary")} mt-3`} onClick={() => url.change(noFilters(declaration) as Partial<ListState<S, F>>)}>
              {t("clearFilters")}
            </button>
          ) : null}
        </div>
      ) : (
        <LoadingRegion pending={url.pending}>
          <p className="sr-only">{t("keyboardHint")}</p>
          <ListTable
            t={t}
            rows={page.rows}
            columns={declaration.columns}
            words={text.words}
            cells={props.cells}
            sort={params.sort}
            dir={params.dir}
            visibleColumns={shownColumns}
            fixedColumns={locked}
            selection={{ selected: selection.selected, allMatching: selection.allMatching, onToggle: selection.toggle, onTogglePage: selection.togglePage }}
            actions={props.rowActions}
            actionsLabel={t("colActions")}
            onSort={(sort, dir) => url.change({ sort, dir } as Partial<ListState<S, F>>)}
            onOpen={onOpen}
          />
        </LoadingRegion>
      )}
      {page.rows.length > 0 || params.page > 1 ? (
        <Pagination
          t={t}
          page={params.page}
          size={params.size}
          sizes={declaration.pageSizes}
          shown={page.rows.length}
          total={total}
          nextCursor={page.nextCursor}
          previousCursor={page.previousCursor}
          onPage={(position) => url.page(position as Pick<ListState<S, F>, "after" | "before" | "page">)}
          onSize={(size) => url.change({ size } as Partial<ListState<S, F>>)}
        />
      ) : null}
      {props.children}
    </div>
  );
}
