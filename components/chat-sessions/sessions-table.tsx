"use client";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { ListTable } from "@/components/list-engine/list-table";
import { Highlight } from "@/components/ui/highlight";
import { sessionsList, type SessionRow } from "@/lib/chat-sessions/list";
import { serializeListParams, type ListParams } from "@/lib/chat-sessions/list-params";
import { useLocale, useT, useUncheckedT } from "@/lib/i18n/client";
import type { AssignAbility } from "@/components/assignment/assign-menu";
import { PresenceAvatars } from "@/components/presence/presence-avatars";
import type { PresenceMap } from "@/components/presence/use-presence";
import { RowActions } from "./row-actions";
import { MessageCountBadge, UnreadCountBadge } from "./session-badges";
import { WaitingCell } from "./waiting-cell";
import type { WaitingThresholds } from "@/lib/chat-sessions/waiting";

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
  /** when the waiting column turns amber and red */
  thresholds: WaitingThresholds;
  assignAbility: AssignAbility;
  /** who is looking at each row's session now */
  presence: PresenceMap;
  assigning: boolean;
  onAssign: (row: SessionRow, assigneeId: number | null) => void;
  onToggle: (id: number, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  onSort: (sort: ListParams["sort"], dir: "asc" | "desc") => void;
  onView: (row: SessionRow) => void;
  onDelete: (row: SessionRow) => void;
};

/** The sessions table: the engine's table with the search term highlighted and COL-4/COL-5's badges. */
export function SessionsTable({ rows, params, visibleColumns, fixedColumns, selected, allMatching, permissions, thresholds, assignAbility, presence, assigning, onAssign, onToggle, onTogglePage, onSort, onView, onDelete }: Props) {
  const t = useT("chatSessions");
  const team = useT("team");
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
      waiting: (row: SessionRow) => (
        <span className="flex flex-col gap-0.5">
          <WaitingCell row={row} thresholds={thresholds} />
          {row.heldBy ? (
            <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="held-by">
              {t("heldBy", { name: row.heldBy })}
            </span>
          ) : null}
        </span>
      ),
      // The assignee, and who is looking at the session right now (issue 20's presence).
      assignee: (row: SessionRow) => (
        <span className="inline-flex items-center gap-2 whitespace-nowrap">
          {row.assigneeName === null ? <span className="text-slate-600 dark:text-slate-400">{team("unassigned")}</span> : <span dir="auto">{row.assigneeName}</span>}
          <PresenceAvatars viewers={presence[row.id]} me={assignAbility.me} />
        </span>
      ),
    }),
    [term, locale, thresholds, t, team, presence, assignAbility.me],
  );
  const words = useUncheckedT("chatSessions");
  const listQuery = serializeListParams(params).toString();
  const actions = useCallback(
    (row: SessionRow) => <RowActions row={row} permissions={permissions} assignAbility={assignAbility} assigning={assigning} listQuery={listQuery} onView={onView} onDelete={onDelete} onAssign={onAssign} />,
    [permissions, assignAbility, assigning, listQuery, onView, onDelete, onAssign],
  );
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
