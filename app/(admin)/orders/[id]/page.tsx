import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionsSection } from "@/app/(admin)/chat-sessions/sessions-section";
import { recordMetadata } from "@/components/resource/record-metadata";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { ResourceDetails } from "@/components/resource/resource-details";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { getOrder } from "@/lib/orders/queries";
import { can } from "@/lib/permissions";
import { ExactTime } from "@/components/ui/relative-time";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export const generateMetadata = recordMetadata("orders.view", getOrder, async (order) => (await getTranslator("resources"))("orderTitle", { id: order.id }));

/** REL-2: an order, its items, and the conversations linked to it. */
export default async function OrderPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("orders.view");
  const order = await getOrder((await params).id);
  if (!order) notFound();
  const t = await getTranslator("resources");
  const person = (who: { id: number; name: string }) => (
    <Link href={`/users/${who.id}`} className="text-blue-800 hover:underline dark:text-blue-300">
      {who.name}
    </Link>
  );
  return (
    <ResourceDetails
      title={t("orderTitle", { id: order.id })}
      fields={[
        { label: t("customer"), value: person(order.customer) },
        { label: t("vendor"), value: person(order.vendor) },
        { label: t("status"), value: t(`status_${order.status}`) },
        { label: t("total"), value: <span className="tabular-nums">{order.total.toString()}</span> },
        { label: t("date"), value: <ExactTime value={order.createdAt} /> },
      ]}
    >
      <section aria-labelledby="order-items" className="space-y-2">
        <h2 id="order-items" className="text-lg font-semibold">
          {t("items")}
        </h2>
        <div className="max-w-xl overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full text-start text-sm">
            <thead className="bg-slate-50 text-xs font-semibold dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t("product")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("quantity")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("unitPrice")}</th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-3 py-2">
                    <Link href={`/products/${item.product.id}`} dir="auto" className="hover:underline">
                      {item.product.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{item.quantity}</td>
                  <td className="px-3 py-2 tabular-nums">{item.unitPrice.toString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {can(user.role, "chatSessions.view") ? (
        <SessionsSection user={user} searchParams={await searchParams} scope={{ title: t("orderSessions"), filter: { order: order.id } }} />
      ) : null}
    </ResourceDetails>
  );
}
