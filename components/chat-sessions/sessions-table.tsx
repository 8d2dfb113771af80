"use client";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { ListTable } from "@/components/list-engine/list-table";
import { Highlight } from "@/components/ui/highlight";
import { sessionsList, type SessionRow } from "@/lib/chat-sessions/list";
import { serializeListParams, type ListParams } from "@/lib/chat-sessions/list-params";
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
    <Link prefetch={false} href={`/users/${id}`} className="cell-text">
      <Highlight text={name} term={term} />
    </Link>
  );
}

export type RowPermissions = { edit: boolean; delete: boolean };

type Props = {
  rows: SessionRow[];
  params: ListParams;
  visibleColumns: string[];
  /** columns every row would show the same value in, on a page scoped to one product or person */
  fixedColumns: readonly string[];
  selected: Set<number>;
  allMatching: boolean;
  permissions: RowPermissions;
  onToggle: (id: number, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  onSort: (sort: ListParams["sort"], dir: "asc" | "desc") => void;
  onView: (row: SessionRow) => void;
  onDelete: (row: SessionRow) => void;
};

/** The sessions table: the engine's table with the search term highlighted and COL-4/COL-5's badges. */
export function SessionsTable({ rows, params, visibleColumns, fixedColumns, selected, allMatching, permissions, onToggle, onTogglePage, onSort, onView, onDelete }: Props) {
  const t = useT("chatSessions");
  const locale = useLocale();
  const term = params.q;
  const cells = useMemo(
    () => ({
      product: (row: SessionRow) => (
        <Link prefetch={false} href={`/products/${row.productId}`} title={row.productName} className="cell-text">
          <Highlight text={truncate(row.productName)} term={term} />
        </Link>
      ),
      customer: (row: SessionRow) => <PersonLink id={row.customerId} name={row.customerName} term={term} />,
      vendor: (row: SessionRow) => <PersonLink id={row.vendorId} name={row.vendorName} term={term} />,
      messages: (row: SessionRow) => <MessageCountBadge count={row.messageCount} locale={locale} />,
      unread: (row: SessionRow) => <UnreadCountBadge count={row.unreadCount} locale={locale} />,
    }),
    [term, locale],
  );
  const words = useCallback((key: string) => t(key as Parameters<typeof t>[0]), [t]);
  const listQuery = serializeListParams(params).toString();
  const actions = useCallback((row: SessionRow) => <RowActions row={row} permissions={permissions} listQuery={listQuery} onView={onView} onDelete={onDelete} />, [permissions, listQuery, onView, onDelete]);
  return (
    <ListTable
      t={t}
      rows={rows}
      columns={sessionsList.columns}
      words={words}
      cells={cells}
      sort={params.sort}
      dir={params.dir}
      visibleColumns={visibleColumns}
      fixedColumns={fixedColumns}
      selection={{ selected, allMatching, onToggle, onTogglePage }}
      actions={actions}
      actionsLabel={t("colActions")}
      onSort={(sort, dir) => onSort(sort as ListParams["sort"], dir)}
      onOpen={onView}
    />
  );
}
