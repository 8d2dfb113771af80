import type { Metadata } from "next";
import { OrdersView } from "@/components/orders/orders-view";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { getTranslator } from "@/lib/i18n/server";
import { loadListPage } from "@/lib/list-engine/list-page";
import { ordersList } from "@/lib/orders/list";
import { ordersSource } from "@/lib/orders/list-source";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("ordersTitle") };
}

/** REL-2: orders with their customer, vendor, status, total and conversations. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { view, columnsCookie, canExport } = await loadListPage(ordersList, ordersSource, await searchParams);
  return <OrdersView view={view} columnsCookie={columnsCookie} canExport={canExport} />;
}
