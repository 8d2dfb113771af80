"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { useT } from "@/lib/i18n/client";

/** Asks before an action that cannot be undone (ROW-4, BULK-2, MSG-6), or that may be a mistake (a reply colliding with a colleague's). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  tone = "danger",
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** words, or inline content (a quoted message) */
  body: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT("common");
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      footer={
        <>
          <Button onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button variant={tone} onClick={onConfirm} disabled={pending} data-testid="confirm-action">
            {pending ? t("loading") : confirmLabel}
          </Button>
        </>
      }
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">{body}</p>
    </Dialog>
  );
}
