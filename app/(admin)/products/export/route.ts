import { productsList } from "@/components/products/products-list";
import { resourceExportRoute } from "@/lib/resources/resource-export";

export const dynamic = "force-dynamic";

export const GET = resourceExportRoute(productsList);
