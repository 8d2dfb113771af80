import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionSummaryTable } from "@/components/resource/session-summary-table";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { getOrder } from "@/lib/orders/queries";

/** REL-2: an order, its items, and the conversations linked to it. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("orders.view");
  const order = await getOrder((await params).id);
  if (!order) notFound();
  const t = await getTranslator("resources");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("orderTitle", { id: order.id })}</h1>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
        <dt className="font-medium">{t("customer")}</dt>
        <dd><Link href={`/users/${order.customer.id}`} className="hover:underline">{order.customer.name}</Link></dd>
        <dt className="font-medium">{t("vendor")}</dt>
        <dd><Link href={`/users/${order.vendor.id}`} className="hover:underline">{order.vendor.name}</Link></dd>
        <dt className="font-medium">{t("status")}</dt>
        <dd>{t(`status_${order.status}`)}</dd>
        <dt className="font-medium">{t("total")}</dt>
        <dd className="tabular-nums">{order.total.toString()}</dd>
      </dl>
      <section aria-labelledby="order-items" className="space-y-2">
        <h2 id="order-items" className="text-lg font-semibold">{t("items")}</h2>
        <table className="w-full max-w-xl text-start text-sm">
          <thead>
            <tr>
              <th scope="col" className="text-start">{t("product")}</th>
              <th scope="col" className="text-start">{t("quantity")}</th>
              <th scope="col" className="text-start">{t("unitPrice")}</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id}>
                <td>{item.product.name}</td>
                <td className="tabular-nums">{item.quantity}</td>
                <td className="tabular-nums">{item.unitPrice.toString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SessionSummaryTable title={t("orderSessions")} sessions={order.sessions} />
    </div>
  );
}
