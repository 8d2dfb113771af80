"use client";
import { Icon } from "@/components/ui/icon";
import { MenuButton, type MenuItem } from "@/components/ui/menu-button";
import type { SessionRow } from "@/lib/chat-sessions/list";
import { useT } from "@/lib/i18n/client";
import type { AssignAbility } from "@/components/assignment/assign-menu";

export type RowPermissions = { edit: boolean; delete: boolean };

/**
 * ROW-1..4 (and REL-2: the linked order, when there is one; issue 20: take and release). The quick
 * look (ROW-1) stays one click away; the others fold into a menu, so that a row fits at 1024 px in
 * either language.
 */
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
  const items: MenuItem[] = [
    { key: "manage", label: t("actionManage"), icon: <Icon name="messages" />, href: manageHref },
    ...(mayTake && !assigning ? [{ key: "take", label: team("takeSession", { id: row.id }), icon: <Icon name="take" />, onSelect: () => onAssign(row, assignAbility.me) }] : []),
    ...(mayRelease && !assigning ? [{ key: "release", label: team("releaseSession", { id: row.id }), icon: <Icon name="release" />, onSelect: () => onAssign(row, null) }] : []),
    ...(row.orderId != null ? [{ key: "order", label: t("actionOrder", { id: row.orderId }), icon: <Icon name="order" />, href: `/orders/${row.orderId}` }] : []),
    ...(permissions.edit ? [{ key: "edit", label: t("actionEdit"), icon: <Icon name="edit" />, href: `/chat-sessions/${row.id}/edit` }] : []),
    ...(permissions.delete ? [{ key: "delete", label: t("actionDelete"), icon: <Icon name="delete" />, danger: true, onSelect: () => onDelete(row) }] : []),
  ];
  return (
    <div>
      <button type="button" title={t("actionView")} onClick={() => onView(row)}>
        <Icon name="eye" />
      </button>
      <MenuButton label={t("rowActionsFor", { id: row.id })} icon={<Icon name="more" />} items={items} />
    </div>
  );
}
