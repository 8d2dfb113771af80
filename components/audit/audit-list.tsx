import { defineResourceList, type ResourceWords } from "@/lib/resources/resource-definition";
import { ExactTime } from "@/components/ui/relative-time";
import { AuditEntrySentence, AuditRawDetails } from "./audit-entry-cell";
import { AUDIT_ACTIONS, AUDIT_SORTS, listAuditLog, auditSortValue, type AuditRow } from "@/lib/audit-log/queries";

const isKnownAction = (action: string): action is (typeof AUDIT_ACTIONS)[number] => (AUDIT_ACTIONS as readonly string[]).includes(action);
const actionLabel = (t: ResourceWords, action: string) => (isKnownAction(action) ? t(`audit_${action}`) : action);
const targetLabel = (row: AuditRow) => `${row.targetType}${row.targetId ? ` #${row.targetId}` : ""}`;

/** The audit log: everything staff changed or exported, for admins. */
export const auditList = defineResourceList({
  path: "/audit",
  permission: "audit.view",
  sorts: AUDIT_SORTS,
  defaultSort: "time",
  defaultDir: "desc",
  filters: AUDIT_ACTIONS,
  list: listAuditLog,
  sortValue: auditSortValue,
  view: ({ t, sortable }) => ({
    filter: { label: t("auditAction"), option: (action) => t(`audit_${action}`) },
    columns: [
      { key: "time", header: t("date"), ...sortable("time"), cell: (row) => <ExactTime value={row.createdAt} /> },
      { key: "actor", header: t("auditActor"), cell: (row) => row.actorName ?? "—" },
      { key: "action", header: t("auditAction"), cell: (row) => <AuditEntrySentence entry={row} actionLabel={actionLabel(t, row.action)} /> },
      { key: "details", header: t("auditDetails"), cell: (row) => <AuditRawDetails details={row.details} /> },
    ],
  }),
  exportColumns: (t) => [
    { header: t("date"), value: (row) => row.createdAt, kind: "date", width: 22 },
    { header: t("auditActor"), value: (row) => row.actorName ?? "", kind: "text", width: 28 },
    { header: t("auditAction"), value: (row) => actionLabel(t, row.action), kind: "text", width: 24 },
    { header: t("auditTarget"), value: targetLabel, kind: "text", width: 20 },
    { header: t("auditDetails"), value: (row) => JSON.stringify(row.details), kind: "text", width: 60 },
  ],
});
