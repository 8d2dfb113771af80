"use client";
import { Eye, MessagesSquare, Package, Pencil, Trash2, UserMinus, UserPlus, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionRow } from "@/lib/chat-sessions/list";
import { useT } from "@/lib/i18n/client";
import type { AssignAbility } from "@/components/assignment/assign-menu";
import type { RowPermissions } from "./sessions-table";

const ICON_BUTTON = "inline-flex h-8 w-8 items-center justify-center rounded-md hover:bg-slate-100 dark:hover:bg-slate-800";

function IconLabel({ icon: Icon, label }: { icon: LucideIcon; label: string }): ReactNode {
  return (
    <>
      <Icon aria-hidden="true" className="h-4 w-4" />
      <span className="sr-only">{label}</span>
    </>
  );
}

/** ROW-1..4 (and REL-2: the linked order, when there is one), compact so that a row stays one line; each has a name for screen readers and a tooltip. */
export function RowActions({ row, permissions, assignAbility, assigning, listQuery, onView, onDelete, onAssign }: {
  row: SessionRow;
  permissions: RowPermissions;
  assignAbility: AssignAbility;
  assigning: boolean;
  listQuery: string;
  onView: (row: SessionRow) => void;
  onDelete: (row: SessionRow) => void;
  onAssign: (row: SessionRow, assigneeId: number | null) => void;
}) {
  const t = useT("chatSessions");
  const team = useT("team");
  // Issue 20: take a session nobody holds (an admin: anyone's), release one's own (an admin: anyone's).
  const mine = row.assigneeId === assignAbility.me;
  const mayTake = assignAbility.assign && !mine && (row.assigneeId === null || assignAbility.assignOthers);
  const mayRelease = assignAbility.assign && row.assigneeId !== null && (mine || assignAbility.assignOthers);
  // Editors manage messages on the edit page; read-only roles on the session's own page, which
  // leads back to this view of the list.
  const manageHref = permissions.edit ? `/chat-sessions/${row.id}/edit#messages` : `/chat-sessions/${row.id}?${new URLSearchParams({ from: listQuery })}#messages`;
  return (
    <div role="group" aria-label={t("rowActionsFor", { id: row.id })} className="flex justify-end gap-0.5 whitespace-nowrap text-slate-700 dark:text-slate-200">
      <button type="button" className={ICON_BUTTON} title={t("actionView")} onClick={() => onView(row)}>
        <IconLabel icon={Eye} label={t("actionView")} />
      </button>
      <Link prefetch={false} href={manageHref} className={ICON_BUTTON} title={t("actionManage")}>
        <IconLabel icon={MessagesSquare} label={t("actionManage")} />
      </Link>
      {mayTake ? (
        <button type="button" className={ICON_BUTTON} title={team("takeSession", { id: row.id })} disabled={assigning} onClick={() => onAssign(row, assignAbility.me)}>
          <IconLabel icon={UserPlus} label={team("takeSession", { id: row.id })} />
        </button>
      ) : null}
      {mayRelease ? (
        <button type="button" className={ICON_BUTTON} title={team("releaseSession", { id: row.id })} disabled={assigning} onClick={() => onAssign(row, null)}>
          <IconLabel icon={UserMinus} label={team("releaseSession", { id: row.id })} />
        </button>
      ) : null}
      {row.orderId != null ? (
        <Link prefetch={false} href={`/orders/${row.orderId}`} className={ICON_BUTTON} title={t("actionOrder", { id: row.orderId })}>
          <IconLabel icon={Package} label={t("actionOrder", { id: row.orderId })} />
        </Link>
      ) : null}
      {permissions.edit ? (
        <Link prefetch={false} href={`/chat-sessions/${row.id}/edit`} className={ICON_BUTTON} title={t("actionEdit")}>
          <IconLabel icon={Pencil} label={t("actionEdit")} />
        </Link>
      ) : null}
      {permissions.delete ? (
        <button type="button" className={`${ICON_BUTTON} text-red-700 dark:text-red-400`} title={t("actionDelete")} onClick={() => onDelete(row)}>
          <IconLabel icon={Trash2} label={t("actionDelete")} />
        </button>
      ) : null}
    </div>
  );
}
