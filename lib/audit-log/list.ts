import { defineList, labelsOf } from "@/lib/list-engine/declaration";

// The audit log: everything staff changed or exported, for admins, declared on the list engine.
// Its SQL is in list-source.ts.

export const AUDIT_ACTIONS = ["chatSessions.create", "chatSessions.update", "chatSessions.reassign", "chatSessions.delete", "chatSessions.markRead", "chatSessions.export", "chatSessions.exportTranscript", "chatSessions.assign", "chatSessions.unassign", "chatSessions.undo", "notes.add", "notes.edit", "notes.delete", "messages.add", "messages.markRead", "messages.delete", "settings.mobileChat", "settings.waitingThresholds", "users.create", "users.update", "users.delete", "users.signOutEverywhere", "resources.export"] as const;
export type AuditRow = { id: number; action: string; actorId: number | null; actorName: string | null; targetType: string; targetId: string | null; details: unknown; createdAt: Date };

export const isKnownAction = (action: string): action is (typeof AUDIT_ACTIONS)[number] => (AUDIT_ACTIONS as readonly string[]).includes(action);

export const auditList = defineList({
  path: "/audit",
  permission: "audit.view",
  exportPermission: "resources.export",
  auditTarget: "audit",
  words: "resources",
  columns: [
    { key: "time", header: "date", kind: "date", value: (row: AuditRow) => row.createdAt, sort: "time", width: 22 },
    { key: "actor", header: "auditActor", kind: "text", value: (row: AuditRow) => row.actorName, width: 28 },
    { key: "action", header: "auditAction", kind: "text", value: (row: AuditRow) => row.action, labels: labelsOf(AUDIT_ACTIONS, "audit_"), width: 24 },
    { key: "target", header: "auditTarget", kind: "text", value: (row: AuditRow) => `${row.targetType}${row.targetId ? ` #${row.targetId}` : ""}`, width: 20, toggleable: true },
    { key: "details", header: "auditDetails", kind: "text", value: (row: AuditRow) => JSON.stringify(row.details), width: 60 },
  ],
  sorts: { time: { type: "timestamptz", read: (row: AuditRow) => row.createdAt.toISOString() } },
  defaultSort: "time",
  defaultDir: "desc",
  filters: {
    action: { kind: "choice", options: AUDIT_ACTIONS },
    actor: { kind: "entity", entity: "user" },
    created: { kind: "dateRange" },
  },
  bulkActions: [{ key: "export", permission: "resources.export", label: "bulkExportCsv" }],
  columnsCookie: "auditColumns",
});
