import { ordersList } from "@/components/orders/orders-list";
import { resourceExportRoute } from "@/lib/resources/resource-export";

export const dynamic = "force-dynamic";

export const GET = resourceExportRoute(ordersList);
