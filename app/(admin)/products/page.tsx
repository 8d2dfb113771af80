import { productsList } from "@/components/products/products-list";
import { renderResourceList, resourceMetadata, type RawSearchParams } from "@/components/resource/resource-list";

export const generateMetadata = resourceMetadata(productsList);

export default async function ProductsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return renderResourceList(productsList, await searchParams);
}
