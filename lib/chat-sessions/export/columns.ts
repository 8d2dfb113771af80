import type { SessionRow } from "../list-query";
import type { CatalogOf } from "@/lib/i18n/catalogs";

type HeaderKey = keyof CatalogOf<"chatSessions">;
export type ExportCell = string | number | Date;

/** BULK-3: what an export holds, in this order: session details, counts and times. */
export const EXPORT_COLUMNS: { header: HeaderKey; value: (row: SessionRow) => ExportCell; kind: "number" | "text" | "date"; width: number }[] = [
  { header: "colId", value: (row) => row.id, kind: "number", width: 10 },
  { header: "colProduct", value: (row) => row.productName, kind: "text", width: 40 },
  { header: "colCustomer", value: (row) => row.customerName, kind: "text", width: 25 },
  { header: "colVendor", value: (row) => row.vendorName, kind: "text", width: 25 },
  { header: "colMessages", value: (row) => row.messageCount, kind: "number", width: 12 },
  { header: "colUnread", value: (row) => row.unreadCount, kind: "number", width: 12 },
  { header: "colLastMessage", value: (row) => row.lastMessageAt, kind: "date", width: 22 },
  { header: "colCreatedAt", value: (row) => row.createdAt, kind: "date", width: 22 },
  { header: "colUpdatedAt", value: (row) => row.updatedAt, kind: "date", width: 22 },
];
