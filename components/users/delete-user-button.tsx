"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { deleteUserAction } from "@/lib/users/actions";
import { blocksDeletion, type UserLinks } from "@/lib/users/link-rules";
import { useActionError } from "@/components/ui/use-action-error";

/**
 * Deletes a user after a confirmation. A user with history is refused, and told why with the
 * counts: at once when the page already knows them, or from the server when they appeared since.
 */
export function DeleteUserButton({ user, links }: { user: { id: number; name: string }; links: UserLinks }) {
  const t = useT("userForm");
  const actionError = useActionError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const refusal = (found: UserLinks) =>
    found.sessions > 0 ? t("deleteRefused", { count: found.sessions, name: user.name }) : t("deleteRefusedOther", { name: user.name, messages: found.messages + found.writtenForParticipants + found.markedRead, products: found.products, orders: found.orders });
  const linked = blocksDeletion(links);

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteUserAction({ id: user.id });
      setOpen(false);
      if (!result.ok) {
        actionError.toast(result.error);
        return;
      }
      if (result.data.status === "refused") {
        toast.error(refusal(result.data.links));
        router.refresh();
        return;
      }
      toast.success(t("deleted"));
      router.push("/users");
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("delete")}
      </Button>
      {open && linked ? (
        <p role="alert" className="max-w-md rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {refusal(links)}
        </p>
      ) : null}
      <ConfirmDialog open={open && !linked} title={t("deleteTitle")} body={t("deleteBody", { name: user.name })} confirmLabel={t("delete")} pending={pending} onConfirm={confirm} onCancel={() => setOpen(false)} />
    </div>
  );
}
