import { defineList } from "@/lib/list-engine/declaration";

// The products list, declared on the list engine: columns for the screen and the export, keyset
// sorts, search over product and vendor names, filters (vendor, with conversations, with unread,
// created between), bulk export. Its SQL is in list-source.ts.

export type ProductRow = { id: number; name: string; vendorId: number; vendorName: string; price: string; createdAt: Date; sessions: number; unread: number };

export const productsList = defineList({
  path: "/products",
  permission: "products.view",
  exportPermission: "resources.export",
  auditTarget: "products",
  words: "resources",
  columns: [
    { key: "id", header: "id", kind: "number", value: (row: ProductRow) => row.id, width: 10, exportOnly: true },
    { key: "name", header: "product", kind: "link", value: (row: ProductRow) => row.name, href: (row: ProductRow) => `/products/${row.id}`, sort: "name", width: 40 },
    { key: "vendor", header: "vendor", kind: "link", value: (row: ProductRow) => row.vendorName, href: (row: ProductRow) => `/users/${row.vendorId}`, width: 28 },
    { key: "price", header: "price", kind: "money", value: (row: ProductRow) => row.price, sort: "price", width: 12 },
    { key: "sessions", header: "sessions", kind: "badge", value: (row: ProductRow) => row.sessions, width: 12 },
    { key: "unread", header: "unread", kind: "badge", value: (row: ProductRow) => row.unread, width: 12 },
    { key: "created", header: "createdAt", kind: "date", value: (row: ProductRow) => row.createdAt, sort: "created", toggleable: true, width: 22 },
  ],
  sorts: {
    name: { type: "text", read: (row: ProductRow) => row.name },
    price: { type: "numeric", read: (row: ProductRow) => row.price },
    created: { type: "timestamptz", read: (row: ProductRow) => row.createdAt.toISOString() },
  },
  defaultSort: "name",
  defaultDir: "asc",
  filters: {
    vendor: { kind: "entity", entity: "vendor" },
    withSessions: { kind: "toggle" },
    withUnread: { kind: "toggle" },
    created: { kind: "dateRange" },
  },
  bulkActions: [{ key: "export", permission: "resources.export", label: "bulkExportCsv" }],
  columnsCookie: "productColumns",
});
