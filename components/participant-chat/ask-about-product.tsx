"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { EntityCombobox } from "@/components/ui/entity-combobox";
import { searchChatProductsAction, startChatAction } from "@/lib/participant-chat/actions";
import { useT } from "@/lib/i18n/client";
import { useActionError } from "@/components/ui/use-action-error";

/** A customer starts a conversation with a product's vendor (or returns to the one they have). */
export function AskAboutProduct() {
  const t = useT("chat");
  const actionError = useActionError();
  const router = useRouter();
  const [productId, setProductId] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      if (productId == null) return;
      const result = await startChatAction({ productId });
      if (!result.ok) {
        actionError.toast(result.error);
        return;
      }
      router.push(`/chat/${result.data.id}`);
    });
  return (
    <section aria-label={t("askAboutProduct")} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="min-w-0 flex-1">
        <EntityCombobox id="ask-product" kind="product" value={productId} initialLabel={null} label={t("askAboutProduct")} onChange={(id) => setProductId(id)} lookup={searchChatProductsAction} />
      </div>
      <Button variant="primary" onClick={start} disabled={productId == null || pending}>
        {t("startChat")}
      </Button>
    </section>
  );
}
