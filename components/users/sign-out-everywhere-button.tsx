"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT } from "@/lib/i18n/client";
import { signOutEverywhereAction } from "@/lib/users/actions";
import { useActionError } from "@/components/ui/use-action-error";

/** Ends every session, token and open stream of the user, after a confirmation (admins). */
export function SignOutEverywhereButton({ user }: { user: { id: number; name: string } }) {
  const t = useT("userForm");
  const actionError = useActionError();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await signOutEverywhereAction({ id: user.id });
      setOpen(false);
      if (result.ok) toast.success(t("signedOutEverywhere"));
      else actionError.toast(result.error);
    });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("signOutEverywhere")}
      </Button>
      <ConfirmDialog open={open} title={t("signOutEverywhereTitle", { name: user.name })} body={t("signOutEverywhereBody", { name: user.name })} confirmLabel={t("signOutEverywhere")} pending={pending} onConfirm={confirm} onCancel={() => setOpen(false)} />
    </>
  );
}
