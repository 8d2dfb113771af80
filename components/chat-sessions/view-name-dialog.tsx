"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { saveViewSchema } from "@/lib/saved-views/schema";

export type ViewNameValues = { name: string; query: string; shared: boolean };
const MESSAGES = ["viewNameRequired", "viewNameTooLong"] as const;

/** The saved view's name (and, when saving, whether it is shared), on the "save view" form's schema. */
export function ViewNameDialog({
  open,
  title,
  initial,
  withSharing,
  pending,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  initial: ViewNameValues;
  withSharing: boolean;
  pending: boolean;
  onSubmit: (values: ViewNameValues) => void;
  onClose: () => void;
}) {
  const t = useT("chatSessions");
  const common = useT("common");
  const { register, handleSubmit, formState } = useForm<ViewNameValues>({ resolver: zodResolver(saveViewSchema), values: initial });
  const raw = formState.errors.name?.message;
  const error = raw ? t((MESSAGES as readonly string[]).includes(raw) ? (raw as (typeof MESSAGES)[number]) : "viewNameRequired") : undefined;
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
        <TextField id="view-name" label={t("viewName")} error={error} maxLength={60} autoComplete="off" registration={register("name")} />
        {withSharing ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" {...register("shared")} />
            {t("viewShared")}
          </label>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{common("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {common("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
