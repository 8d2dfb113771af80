"use client";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { Highlight } from "@/components/ui/highlight";
import { ExactTime, RelativeTime } from "@/components/ui/relative-time";
import type { ListParams, OptionalColumn, SortKey } from "@/lib/chat-sessions/list-params";
import type { SessionRow } from "@/lib/chat-sessions/list-query";
import { useLocale, useT } from "@/lib/i18n/client";
import { RowActions } from "./row-actions";
import { MessageCountBadge, UnreadCountBadge } from "./session-badges";

const PRODUCT_MAX = 30;

/** COL-1: at most 30 characters, the full name on hover. */
function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length > PRODUCT_MAX ? `${chars.slice(0, PRODUCT_MAX).join("")}…` : text;
}

/** REL-1: a participant's name leads to their user page (as the product's leads to its page). */
function PersonLink({ id, name, term }: { id: number; name: string; term: string }) {
  return (
    <Link prefetch={false} href={`/users/${id}`} className="whitespace-nowrap hover:underline" dir="auto">
      <Highlight text={name} term={term} />
    </Link>
  );
}

export type RowPermissions = { edit: boolean; delete: boolean };

type Props = {
  rows: SessionRow[];
  params: ListParams;
  visibleColumns: OptionalColumn[];
  /** columns every row would show the same value in, on a page scoped to one product or person */
  fixedColumns: readonly string[];
  selected: Set<number>;
  allMatching: boolean;
  permissions: RowPermissions;
  onToggle: (id: number, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  onSort: (sort: SortKey, dir: "asc" | "desc") => void;
  onView: (row: SessionRow) => void;
  onDelete: (row: SessionRow) => void;
};

const SORT_OF_COLUMN: Record<string, SortKey> = {
  product: "product",
  customer: "customer",
  vendor: "vendor",
  messages: "messages",
  lastMessage: "lastMessage",
  createdAt: "created",
  updatedAt: "updated",
};

export function SessionsTable({ rows, params, visibleColumns, fixedColumns, selected, allMatching, permissions, onToggle, onTogglePage, onSort, onView, onDelete }: Props) {
  const t = useT("chatSessions");
  const locale = useLocale();
  const body = useRef<HTMLTableSectionElement>(null);
  const term = params.q;

  const columns = useMemo<ColumnDef<SessionRow>[]>(
    () => [
      {
        id: "select",
        header: () => (
          <input
            type="checkbox"
            className="h-4 w-4"
            aria-label={t("selectAllOnPage")}
            checked={allMatching || (rows.length > 0 && rows.every((row) => selected.has(row.id)))}
            onChange={(event) => onTogglePage(event.target.checked)}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            className="h-4 w-4"
            aria-label={t("selectRow", { id: row.original.id })}
            checked={allMatching || selected.has(row.original.id)}
            disabled={allMatching}
            onChange={(event) => onToggle(row.original.id, event.target.checked)}
          />
        ),
      },
      {
        id: "product",
        header: t("colProduct"),
        cell: ({ row }) => (
          <Link prefetch={false} href={`/products/${row.original.productId}`} title={row.original.productName} className="whitespace-nowrap hover:underline" dir="auto">
            <Highlight text={truncate(row.original.productName)} term={term} />
          </Link>
        ),
      },
      { id: "customer", header: t("colCustomer"), cell: ({ row }) => <PersonLink id={row.original.customerId} name={row.original.customerName} term={term} /> },
      { id: "vendor", header: t("colVendor"), cell: ({ row }) => <PersonLink id={row.original.vendorId} name={row.original.vendorName} term={term} /> },
      { id: "messages", header: t("colMessages"), cell: ({ row }) => <MessageCountBadge count={row.original.messageCount} locale={locale} /> },
      { id: "unread", header: t("colUnread"), cell: ({ row }) => <UnreadCountBadge count={row.original.unreadCount} locale={locale} /> },
      { id: "lastMessage", header: t("colLastMessage"), cell: ({ row }) => <span className="whitespace-nowrap"><RelativeTime value={row.original.lastMessageAt} /></span> },
      { id: "createdAt", header: t("colCreatedAt"), cell: ({ row }) => <ExactTime value={row.original.createdAt} /> },
      { id: "updatedAt", header: t("colUpdatedAt"), cell: ({ row }) => <ExactTime value={row.original.updatedAt} /> },
      {
        id: "actions",
        header: () => <span className="sr-only">{t("colActions")}</span>,
        cell: ({ row }) => <RowActions row={row.original} permissions={permissions} onView={onView} onDelete={onDelete} />,
      },
    ],
    [t, locale, term, rows, selected, allMatching, permissions, onToggle, onTogglePage, onView, onDelete],
  );

  const columnVisibility: VisibilityState = {
    createdAt: visibleColumns.includes("createdAt"),
    updatedAt: visibleColumns.includes("updatedAt"),
    ...Object.fromEntries(fixedColumns.map((column) => [column, false])),
  };
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { columnVisibility },
  });

  // With nothing focused (page just loaded, or a dialog just closed), j or k starts at the first row.
  useEffect(() => {
    const start = (event: globalThis.KeyboardEvent) => {
      if ((event.key !== "j" && event.key !== "k") || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      const first = body.current?.querySelector<HTMLTableRowElement>("tr[data-row-id]");
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener("keydown", start);
    return () => document.removeEventListener("keydown", start);
  }, []);

  // j / k move between rows, x ticks a row and Enter opens the conversation: triage without the mouse.
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const rowsInBody = Array.from(body.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row-id]") ?? []);
    const current = rowsInBody.findIndex((row) => row === document.activeElement);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) return;
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      const next = event.key === "j" ? Math.min(current + 1, rowsInBody.length - 1) : Math.max(current - 1, 0);
      rowsInBody[next]?.focus();
    } else if (event.key === "x" && current >= 0 && !allMatching) {
      event.preventDefault();
      const row = rows[current];
      if (row) onToggle(row.id, !selected.has(row.id));
    } else if (event.key === "Enter" && current >= 0) {
      event.preventDefault();
      const row = rows[current];
      if (row) onView(row);
    }
  };

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table className="w-full text-start text-sm">
        <thead className="bg-slate-50 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortKey = SORT_OF_COLUMN[header.column.id];
                const sorted = sortKey === params.sort ? params.dir : null;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" className="whitespace-nowrap px-3 py-2 text-start" aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}>
                    {sortKey ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 hover:underline"
                        onClick={() => onSort(sortKey, sorted === "desc" ? "asc" : "desc")}
                        aria-label={t(sorted === "desc" ? "sortAscending" : "sortDescending", { column: String(header.column.columnDef.header) })}
                      >
                        {label}
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
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
        <tbody ref={body} onKeyDown={onKeyDown}>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-row-id={row.id}
              tabIndex={0}
              className="border-t border-slate-100 hover:bg-slate-50 focus:bg-blue-50 focus:outline-2 focus:outline-blue-600 dark:border-slate-800 dark:hover:bg-slate-800/60 dark:focus:bg-slate-800"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 align-middle">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
