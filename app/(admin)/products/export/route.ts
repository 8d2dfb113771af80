import { listExportRoute } from "@/lib/list-engine/export-route";
import { productsList } from "@/lib/products/list";
import { productsSource } from "@/lib/products/list-source";

export const dynamic = "force-dynamic";

export const GET = listExportRoute(productsList, productsSource);
