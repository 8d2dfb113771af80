"use client";
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnDefTemplate, type VisibilityState } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { ScriptedControls } from "@/components/ui/scripted-controls";
import { useLocale } from "@/lib/i18n/client";
import { labelled, type ListColumn } from "@/lib/list-engine/declaration";
import { KindCell } from "./cells";
import type { ListWords } from "./list-words";
import { ariaSort, SortArrow } from "./sort-arrow";
import { useRowKeyboard } from "./use-row-keyboard";

type Props<Row extends { id: number }> = {
  t: ListWords;
  rows: Row[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: readonly ListColumn<Row, any>[];
  /** the section's words: a column's header, a value's label */
  words: (key: string) => string;
  /** cells a section draws itself; every other column is drawn by its kind */
  cells?: Partial<Record<string, (row: Row) => ReactNode>>;
  sort: string;
  dir: "asc" | "desc";
  /** the toggleable columns shown */
  visibleColumns: string[];
  /** columns every row would show the same value in (a relation table scoped to one record) */
  fixedColumns?: readonly string[];
  selection: { selected: Set<number>; allMatching: boolean; onToggle: (id: number, on: boolean) => void; onTogglePage: (on: boolean) => void } | null;
  actions?: (row: Row) => ReactNode;
  actionsLabel: string;
  onSort: (sort: string, dir: "asc" | "desc") => void;
  onOpen: (row: Row) => void;
};

/** The classes the table's stylesheet (app/globals.css, .list-table) needs on a cell, for its place in the row. */
function cellClass(column: string, titleColumn: string | undefined): string | undefined {
  if (column === "select") return "row-select";
  if (column === "actions") return "row-actions";
  return column === titleColumn ? "row-title" : undefined;
}

/**
 * A header: its text, or what its function returns, called as a function. flexRender would mount a
 * function as a component, and the column functions are made anew whenever the rows or the
 * selection change (a live refresh, presence, a tick): every cell then remounted, and a click that
 * fell in between was lost (a row's buttons and links did nothing). Cells are drawn the same way
 * (`drawCell`).
 */
function renderPart<Context extends object>(part: ColumnDefTemplate<Context> | undefined, context: Context): ReactNode {
  return typeof part === "function" ? part(context) : part;
}

/** How each column draws a row's cell, by the column's id. */
type CellDrawers<Row> = Map<string, (row: Row) => ReactNode>;

/** Any section's table: the declared columns, sortable headers, ticks, row actions and the keyboard model. */
export function ListTable<Row extends { id: number }>({ t, rows, columns: declared, words, cells, sort, dir, visibleColumns, fixedColumns = [], selection, actions, actionsLabel, onSort, onOpen }: Props<Row>) {
  const locale = useLocale();
  const onScreen = declared.filter((column) => !column.exportOnly);
  // tanstack holds the columns, their headers and which are shown; a row's cells are drawn from the
  // row itself. Its row model would make an object for every row, and for every cell of every
  // column, hidden ones too, with each feature's methods: 1.2 ms of CPU a sessions page (issue 16).
  const { columns, drawCell } = useMemo(() => {
    const drawCell: CellDrawers<Row> = new Map();
    const columns: ColumnDef<Row>[] = [];
    if (selection) {
      columns.push({
        id: "select",
        header: () => (
          <input
            type="checkbox"
            aria-label={t("selectAllOnPage")}
            checked={selection.allMatching || (rows.length > 0 && rows.every((row) => selection.selected.has(row.id)))}
            onChange={(event) => selection.onTogglePage(event.target.checked)}
          />
        ),
      });
      drawCell.set("select", (row) => (
        <input
          type="checkbox"
          aria-label={t("selectRow", { id: row.id })}
          checked={selection.allMatching || selection.selected.has(row.id)}
          disabled={selection.allMatching}
          onChange={(event) => selection.onToggle(row.id, event.target.checked)}
        />
      ));
    }
    for (const column of onScreen) {
      columns.push({ id: column.key, header: words(column.header) });
      drawCell.set(column.key, (row) => cells?.[column.key]?.(row) ?? <KindCell kind={column.kind} value={labelled(column, row, words)} href={column.href?.(row)} locale={locale} />);
    }
    if (actions) {
      columns.push({ id: "actions", header: () => <span className="sr-only">{actionsLabel}</span> });
      drawCell.set("actions", actions);
    }
    return { columns, drawCell };
  }, [t, locale, rows, onScreen, words, cells, selection, actions, actionsLabel]);
  const sortOf = new Map(onScreen.flatMap((column) => (column.sort ? [[column.key, column.sort] as const] : [])));
  const columnVisibility: VisibilityState = {
    ...Object.fromEntries(onScreen.filter((column) => column.toggleable).map((column) => [column.key, visibleColumns.includes(column.key)])),
    ...Object.fromEntries(fixedColumns.map((column) => [column, false])),
  };
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true, manualFiltering: true, state: { columnVisibility } });
  const shown = table.getVisibleLeafColumns();
  // The first column shown is the row's title on a phone's card (globals.css, .list-table).
  const titleColumn = onScreen.find((column) => columnVisibility[column.key] !== false)?.key;
  const keyboard = useRowKeyboard({ rows, isSelected: (id) => selection?.selected.has(id) ?? false, canTick: selection != null && !selection.allMatching, onToggle: (id, on) => selection?.onToggle(id, on), onOpen });

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <ScriptedControls className="min-w-0">
        <table className="list-table w-full text-sm">
          <thead className="bg-slate-50 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((cell) => {
                  const sortKey = sortOf.get(cell.column.id);
                  const sorted = sortKey === sort ? dir : null;
                  const label = renderPart(cell.column.columnDef.header, cell.getContext());
                  return (
                    <th key={cell.id} scope="col" className={cell.column.id === "actions" ? "row-actions" : undefined} aria-sort={ariaSort(sorted)}>
                      {sortKey ? (
                        <button
                          type="button"
                          onClick={() => onSort(sortKey, sorted === "desc" ? "asc" : "desc")}
                          aria-label={t(sorted === "desc" ? "sortAscending" : "sortDescending", { column: String(cell.column.columnDef.header) })}
                        >
                          {label}
                          <SortArrow sorted={sorted} />
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={keyboard.body} onKeyDown={keyboard.onKeyDown}>
            {rows.map((row) => (
              <tr key={row.id} data-row-id={row.id} tabIndex={0}>
                {shown.map((column) => (
                  <td key={column.id} className={cellClass(column.id, titleColumn)}>
                    {drawCell.get(column.id)?.(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScriptedControls>
    </div>
  );
}
