import { listExportRoute } from "@/lib/list-engine/export-route";
import { ordersList } from "@/lib/orders/list";
import { ordersSource } from "@/lib/orders/list-source";

export const dynamic = "force-dynamic";

export const GET = listExportRoute(ordersList, ordersSource);
