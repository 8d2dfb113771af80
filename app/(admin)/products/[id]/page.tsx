import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionsSection } from "@/app/(admin)/chat-sessions/sessions-section";
import { recordMetadata } from "@/components/resource/record-metadata";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { ResourceDetails } from "@/components/resource/resource-details";
import { ExactTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { getProduct } from "@/lib/products/queries";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export const generateMetadata = recordMetadata("products.view", getProduct, async (product) => (await getTranslator("resources"))("productTitle", { name: product.name }));

/** A product and every conversation about it, in the sessions table. */
export default async function ProductPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("products.view");
  const product = await getProduct((await params).id);
  if (!product) notFound();
  const t = await getTranslator("resources");
  return (
    <ResourceDetails
      title={t("productTitle", { name: product.name })}
      fields={[
        { label: t("vendor"), value: <Link href={`/users/${product.vendor.id}`} className="text-blue-800 hover:underline dark:text-blue-300">{product.vendor.name}</Link> },
        { label: t("price"), value: <span className="tabular-nums">{product.price.toString()}</span> },
        { label: t("createdAt"), value: <ExactTime value={product.createdAt} /> },
      ]}
    >
      {can(user.role, "chatSessions.view") ? (
        <SessionsSection user={user} searchParams={await searchParams} scope={{ title: t("productSessions"), filter: { product: product.id } }} />
      ) : null}
    </ResourceDetails>
  );
}
