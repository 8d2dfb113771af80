import { defineResourceList } from "@/components/resource/resource-list";
import { ExactTime } from "@/components/ui/relative-time";
import { AUDIT_ACTIONS, AUDIT_SORTS, listAuditLog } from "@/lib/audit-log/queries";

const isKnownAction = (action: string): action is (typeof AUDIT_ACTIONS)[number] => (AUDIT_ACTIONS as readonly string[]).includes(action);

/** The audit log: every destructive, bulk and settings action, for admins. */
export const auditList = defineResourceList({
  path: "/audit",
  permission: "audit.view",
  words: { title: "auditTitle", search: "auditSearch", empty: "auditEmpty" },
  sorts: AUDIT_SORTS,
  defaultSort: "time",
  defaultDir: "desc",
  filters: AUDIT_ACTIONS,
  list: listAuditLog,
  view: ({ t, sortable }) => ({
    filter: { label: t("auditAction"), option: (action) => t(`audit_${action}`) },
    columns: [
      { key: "time", header: t("date"), ...sortable("time"), cell: (row) => <ExactTime value={row.createdAt} /> },
      { key: "actor", header: t("auditActor"), cell: (row) => row.actorName ?? "—" },
      { key: "action", header: t("auditAction"), cell: (row) => (isKnownAction(row.action) ? t(`audit_${row.action}`) : row.action) },
      { key: "target", header: t("auditTarget"), cell: (row) => `${row.targetType}${row.targetId ? ` #${row.targetId}` : ""}` },
      { key: "details", header: t("auditDetails"), cell: (row) => <code dir="ltr" className="block max-w-md truncate text-xs" title={JSON.stringify(row.details)}>{JSON.stringify(row.details)}</code> },
    ],
  }),
});
