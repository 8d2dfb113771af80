"use client";
import { useCallback, useMemo } from "react";
import { ListView, type ListViewState } from "@/components/list-engine/list-view";
import { useResourceText } from "@/components/list-engine/use-resource-text";
import { Badge } from "@/components/ui/badge";
import { productsList, type ProductRow } from "@/lib/products/list";

type Props = { view: ListViewState<ProductRow, keyof typeof productsList.sorts, typeof productsList.filters>; columnsCookie: string; canExport: boolean };

/** The products list: the engine's screen, with the sessions and unread badges in their colours. */
export function ProductsView(props: Props) {
  const { t, text } = useResourceText("products");
  const cells = useMemo(
    () => ({
      sessions: (row: ProductRow) => <Badge tone="blue">{row.sessions}</Badge>,
      unread: (row: ProductRow) => <Badge tone={row.unread > 0 ? "yellow" : "green"}>{row.unread}</Badge>,
    }),
    [],
  );
  const openHref = useCallback((row: ProductRow) => `/products/${row.id}`, []);
  return <ListView declaration={productsList} t={t} text={text} cells={cells} openHref={openHref} {...props} />;
}
