import type { Role } from "@/lib/generated/prisma/enums";
import { defineList, labelsOf } from "@/lib/list-engine/declaration";
import { ROLES } from "@/lib/roles";

// REL-1: the users who take part in chats, and the staff, declared on the list engine. Its SQL
// is in list-source.ts.

export type UserRow = { id: number; name: string; email: string; role: Role; createdAt: Date; updatedAt: Date; sessions: number; unread: number };

export const usersList = defineList({
  path: "/users",
  permission: "users.view",
  exportPermission: "resources.export",
  auditTarget: "users",
  words: "resources",
  columns: [
    { key: "id", header: "id", kind: "number", value: (row: UserRow) => row.id, width: 10, exportOnly: true },
    { key: "name", header: "name", kind: "link", value: (row: UserRow) => row.name, href: (row: UserRow) => `/users/${row.id}`, sort: "name", width: 30 },
    { key: "email", header: "email", kind: "text", value: (row: UserRow) => row.email, width: 32 },
    { key: "role", header: "role", kind: "text", value: (row: UserRow) => row.role, labels: labelsOf(ROLES, "role_"), width: 14 },
    { key: "sessions", header: "sessions", kind: "badge", value: (row: UserRow) => row.sessions, width: 12 },
    { key: "unread", header: "unread", kind: "badge", value: (row: UserRow) => row.unread, width: 12 },
    { key: "created", header: "createdAt", kind: "date", value: (row: UserRow) => row.createdAt, sort: "created", width: 22 },
    { key: "updated", header: "updatedAt", kind: "date", value: (row: UserRow) => row.updatedAt, toggleable: true, width: 22 },
  ],
  sorts: {
    name: { type: "text", read: (row: UserRow) => row.name },
    created: { type: "timestamptz", read: (row: UserRow) => row.createdAt.toISOString() },
  },
  defaultSort: "name",
  defaultDir: "asc",
  filters: {
    role: { kind: "choice", options: ROLES },
    withUnread: { kind: "toggle" },
    created: { kind: "dateRange" },
  },
  bulkActions: [
    { key: "export", permission: "resources.export", label: "bulkExportCsv" },
    {
      key: "signOutEverywhere",
      permission: "users.manage",
      label: "bulkSignOutEverywhere",
      confirm: { title: "bulkSignOutEverywhereTitle", body: "bulkSignOutEverywhereBody" },
      auditAction: "users.signOutEverywhere",
    },
  ],
  columnsCookie: "userColumns",
});
