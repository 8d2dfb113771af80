import Link from "next/link";
import { defineResourceList } from "@/lib/resources/resource-definition";
import { Badge } from "@/components/ui/badge";
import { PRODUCT_FILTERS, PRODUCT_SORTS, listProducts, productSortValue } from "@/lib/products/queries";

/** Products, which every conversation is about, with their vendor and sessions. */
export const productsList = defineResourceList({
  path: "/products",
  permission: "products.view",
  sorts: PRODUCT_SORTS,
  defaultSort: "name",
  defaultDir: "asc",
  filters: PRODUCT_FILTERS,
  list: listProducts,
  sortValue: productSortValue,
  view: ({ t, sortable }) => ({
    filter: { label: t("show"), option: (filter) => t(`productFilter_${filter}`) },
    columns: [
      { key: "name", header: t("product"), ...sortable("name"), cell: (row) => <Link href={`/products/${row.id}`} dir="auto" className="font-medium text-blue-800 hover:underline dark:text-blue-300">{row.name}</Link> },
      { key: "vendor", header: t("vendor"), cell: (row) => <Link href={`/users/${row.vendorId}`} className="hover:underline">{row.vendorName}</Link> },
      { key: "price", header: t("price"), ...sortable("price"), cell: (row) => <span className="tabular-nums">{row.price}</span> },
      { key: "sessions", header: t("sessions"), cell: (row) => <Badge tone="blue">{row.sessions}</Badge> },
      { key: "unread", header: t("unread"), cell: (row) => <Badge tone={row.unread > 0 ? "yellow" : "green"}>{row.unread}</Badge> },
      { key: "created", header: t("createdAt"), ...sortable("created"), cell: (row) => row.createdAt.toISOString().slice(0, 10) },
    ],
  }),
  exportColumns: (t) => [
    { header: t("id"), value: (row) => row.id, kind: "number", width: 10 },
    { header: t("product"), value: (row) => row.name, kind: "text", width: 40 },
    { header: t("vendor"), value: (row) => row.vendorName, kind: "text", width: 28 },
    { header: t("price"), value: (row) => Number(row.price), kind: "number", width: 12 },
    { header: t("sessions"), value: (row) => row.sessions, kind: "number", width: 12 },
    { header: t("unread"), value: (row) => row.unread, kind: "number", width: 12 },
    { header: t("createdAt"), value: (row) => row.createdAt, kind: "date", width: 22 },
  ],
});
