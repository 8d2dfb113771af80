import type { SessionRow } from "../list-query";
import type { ExportColumn } from "@/lib/export/columns";
import type { CatalogOf } from "@/lib/i18n/catalogs";
import type { Translate } from "@/lib/i18n/translate";

type HeaderKey = keyof CatalogOf<"chatSessions"> & string;

/** BULK-3: what an export holds, in this order: session details, counts and times. */
const EXPORT_COLUMNS: (Omit<ExportColumn<SessionRow>, "header"> & { header: HeaderKey })[] = [
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

/** The columns with their headers in the user's language. */
export function sessionExportColumns(t: Translate<CatalogOf<"chatSessions">>): ExportColumn<SessionRow>[] {
  return EXPORT_COLUMNS.map((column) => ({ ...column, header: t(column.header) }));
}
