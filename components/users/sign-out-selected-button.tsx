"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import type { Selection } from "@/lib/list-engine/selection";
import { signOutSelectedUsersAction } from "@/lib/users/actions";
import { usersList } from "@/lib/users/list";
import { useActionError } from "@/components/ui/use-action-error";
import { present } from "@/lib/present";

// The words are the declared bulk action's (lib/users/list.ts).
const declared = present(usersList.bulkActions.find((action) => action.key === "signOutEverywhere"), "the users list's signOutEverywhere bulk action");
const confirmText = present(declared.confirm, "signOutEverywhere's confirmation");

type Props = { selection: () => Selection<typeof usersList.filters>; count: number; done: () => void };

/** The users list's bulk "sign out everywhere" (admins): asks with the count, then ends every session of the selection. */
export function SignOutSelectedButton({ selection, count, done }: Props) {
  const t = useT("resources");
  // a declaration's words arrive as data: its label may be the engine's
  const word = useUncheckedT("resources");
  const actionError = useActionError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await signOutSelectedUsersAction(selection());
      setOpen(false);
      if (!result.ok) {
        actionError.toast(result.error);
        return;
      }
      toast.success(t("signedOutSelected", { count: result.data.ids.length }));
      done();
      router.refresh();
    });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} disabled={pending}>
        {word(declared.label)}
      </Button>
      <ConfirmDialog open={open} title={t(confirmText.title)} body={t(confirmText.body, { count })} confirmLabel={word(declared.label)} pending={pending} onConfirm={confirm} onCancel={() => setOpen(false)} />
    </>
  );
}
