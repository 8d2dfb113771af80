import type { Metadata } from "next";
import Link from "next/link";
import { ResourceTable } from "@/components/resource/resource-table";
import { Badge } from "@/components/ui/badge";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { ORDER_SORTS, ORDER_STATUSES, listOrders } from "@/lib/orders/queries";
import { parseResourceParams, resourceLinks } from "@/lib/resources/resource-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("ordersTitle") };
}

/** REL-2: orders, and how many conversations each has. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("orders.view");
  const params = parseResourceParams(await searchParams, { sorts: ORDER_SORTS, filters: ORDER_STATUSES, defaultSort: "created", defaultDir: "desc" });
  const [t, { rows, hasMore }] = await Promise.all([getTranslator("resources"), listOrders(params)]);
  const { href, sortable, pages } = resourceLinks("/orders", params, "desc");
  return (
    <ResourceTable
      title={t("ordersTitle")}
      rows={rows}
      rowKey={(row) => row.id}
      search={{ value: params.q, label: t("ordersSearch"), placeholder: t("ordersSearch") }}
      filter={{ name: "filter", label: t("status"), value: params.filter, options: ORDER_STATUSES.map((status) => ({ value: status, label: t(`status_${status}`) })) }}
      hidden={{ sort: params.sort, dir: params.dir }}
      empty={t("ordersEmpty")}
      {...pages(hasMore)}
      columns={[
        { key: "id", header: t("order"), cell: (row) => <Link href={`/orders/${row.id}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">#{row.id}</Link> },
        { key: "customer", header: t("customer"), cell: (row) => <Link href={`/users/${row.customerId}`} className="hover:underline">{row.customerName}</Link> },
        { key: "vendor", header: t("vendor"), cell: (row) => <Link href={`/users/${row.vendorId}`} className="hover:underline">{row.vendorName}</Link> },
        { key: "status", header: t("status"), cell: (row) => t(`status_${row.status}`) },
        { key: "total", header: t("total"), ...sortable("total"), cell: (row) => <span className="tabular-nums">{row.total}</span> },
        { key: "sessions", header: t("sessions"), cell: (row) => <Badge tone="blue">{row.sessions}</Badge> },
        { key: "date", header: t("date"), ...sortable("created"), cell: (row) => row.createdAt.toISOString().slice(0, 10) },
      ]}
    />
  );
}
