import Link from "next/link";
import { defineResourceList } from "@/lib/resources/resource-definition";
import { Badge } from "@/components/ui/badge";
import { ORDER_SORTS, ORDER_STATUSES, listOrders, orderSortValue } from "@/lib/orders/queries";

/** REL-2: orders, and how many conversations each has. */
export const ordersList = defineResourceList({
  path: "/orders",
  permission: "orders.view",
  sorts: ORDER_SORTS,
  defaultSort: "created",
  defaultDir: "desc",
  filters: ORDER_STATUSES,
  list: listOrders,
  sortValue: orderSortValue,
  view: ({ t, sortable }) => ({
    filter: { label: t("status"), option: (status) => t(`status_${status}`) },
    columns: [
      { key: "id", header: t("order"), cell: (row) => <Link href={`/orders/${row.id}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">#{row.id}</Link> },
      { key: "customer", header: t("customer"), cell: (row) => <Link href={`/users/${row.customerId}`} className="hover:underline">{row.customerName}</Link> },
      { key: "vendor", header: t("vendor"), cell: (row) => <Link href={`/users/${row.vendorId}`} className="hover:underline">{row.vendorName}</Link> },
      { key: "status", header: t("status"), cell: (row) => t(`status_${row.status}`) },
      { key: "total", header: t("total"), ...sortable("total"), cell: (row) => <span className="tabular-nums">{row.total}</span> },
      { key: "sessions", header: t("sessions"), cell: (row) => <Badge tone="blue">{row.sessions}</Badge> },
      { key: "date", header: t("date"), ...sortable("created"), cell: (row) => row.createdAt.toISOString().slice(0, 10) },
    ],
  }),
  exportColumns: (t) => [
    { header: t("order"), value: (row) => row.id, kind: "number", width: 10 },
    { header: t("customer"), value: (row) => row.customerName, kind: "text", width: 28 },
    { header: t("vendor"), value: (row) => row.vendorName, kind: "text", width: 28 },
    { header: t("status"), value: (row) => t(`status_${row.status}`), kind: "text", width: 14 },
    { header: t("total"), value: (row) => Number(row.total), kind: "number", width: 12 },
    { header: t("sessions"), value: (row) => row.sessions, kind: "number", width: 12 },
    { header: t("date"), value: (row) => row.createdAt, kind: "date", width: 22 },
  ],
});
