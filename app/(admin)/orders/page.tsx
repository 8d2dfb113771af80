import { ordersList } from "@/components/orders/orders-list";
import { renderResourceList, resourceMetadata, type RawSearchParams } from "@/components/resource/resource-list";

export const generateMetadata = resourceMetadata(ordersList);

export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return renderResourceList(ordersList, await searchParams);
}
