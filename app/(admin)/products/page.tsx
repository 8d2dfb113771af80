import type { Metadata } from "next";
import { ProductsView } from "@/components/products/products-view";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { getTranslator } from "@/lib/i18n/server";
import { loadListPage } from "@/lib/list-engine/list-page";
import { productsList } from "@/lib/products/list";
import { productsSource } from "@/lib/products/list-source";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("productsTitle") };
}

/** Products, which every conversation is about, with their vendor and sessions. */
export default async function ProductsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { view, columnsCookie, canExport } = await loadListPage(productsList, productsSource, await searchParams);
  return <ProductsView view={view} columnsCookie={columnsCookie} canExport={canExport} />;
}
