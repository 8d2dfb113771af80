import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { defineList, labelsOf } from "@/lib/list-engine/declaration";

// The orders list (REL-2), declared on the list engine. Its SQL is in list-source.ts.

export const ORDER_STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled"] as const satisfies readonly OrderStatus[];
export type OrderRow = { id: number; customerId: number; customerName: string; vendorId: number; vendorName: string; status: OrderStatus; total: string; createdAt: Date; updatedAt: Date; sessions: number };

export const ordersList = defineList({
  path: "/orders",
  permission: "orders.view",
  exportPermission: "resources.export",
  auditTarget: "orders",
  words: "resources",
  columns: [
    { key: "id", header: "order", kind: "number", value: (row: OrderRow) => row.id, width: 10 },
    { key: "customer", header: "customer", kind: "link", value: (row: OrderRow) => row.customerName, href: (row: OrderRow) => `/users/${row.customerId}`, width: 28 },
    { key: "vendor", header: "vendor", kind: "link", value: (row: OrderRow) => row.vendorName, href: (row: OrderRow) => `/users/${row.vendorId}`, width: 28 },
    { key: "status", header: "status", kind: "text", value: (row: OrderRow) => row.status, labels: labelsOf(ORDER_STATUSES, "status_"), width: 14 },
    { key: "total", header: "total", kind: "money", value: (row: OrderRow) => row.total, sort: "total", width: 12 },
    { key: "sessions", header: "sessions", kind: "badge", value: (row: OrderRow) => row.sessions, width: 12 },
    { key: "date", header: "date", kind: "date", value: (row: OrderRow) => row.createdAt, sort: "created", width: 22 },
    { key: "updated", header: "updatedAt", kind: "date", value: (row: OrderRow) => row.updatedAt, toggleable: true, width: 22 },
  ],
  sorts: {
    created: { type: "timestamptz", read: (row: OrderRow) => row.createdAt.toISOString() },
    total: { type: "numeric", read: (row: OrderRow) => row.total },
  },
  defaultSort: "created",
  defaultDir: "desc",
  filters: {
    status: { kind: "choice", options: ORDER_STATUSES },
    customer: { kind: "entity", entity: "customer" },
    vendor: { kind: "entity", entity: "vendor" },
    created: { kind: "dateRange" },
  },
  bulkActions: [{ key: "export", permission: "resources.export", label: "bulkExportCsv" }],
  columnsCookie: "orderColumns",
});
