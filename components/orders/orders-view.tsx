"use client";
import Link from "next/link";
import { useCallback, useMemo } from "react";
import { ListView, type ListViewState } from "@/components/list-engine/list-view";
import { useResourceText } from "@/components/list-engine/use-resource-text";
import { Badge } from "@/components/ui/badge";
import { ordersList, type OrderRow } from "@/lib/orders/list";

type Props = { view: ListViewState<OrderRow, keyof typeof ordersList.sorts, typeof ordersList.filters>; columnsCookie: string; canExport: boolean };

/** REL-2: orders, and how many conversations each has, on the engine's screen. */
export function OrdersView(props: Props) {
  const { t, text } = useResourceText("orders", "status_");
  const cells = useMemo(
    () => ({
      id: (row: OrderRow) => (
        <Link href={`/orders/${row.id}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">
          #{row.id}
        </Link>
      ),
      sessions: (row: OrderRow) => <Badge tone="blue">{row.sessions}</Badge>,
    }),
    [],
  );
  const openHref = useCallback((row: OrderRow) => `/orders/${row.id}`, []);
  return <ListView declaration={ordersList} t={t} text={text} cells={cells} openHref={openHref} {...props} />;
}
