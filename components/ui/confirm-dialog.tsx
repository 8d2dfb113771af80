"use client";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { inputClass } from "./field";
import { useT } from "@/lib/i18n/client";

/**
 * Asks before an action that cannot be undone (ROW-4, BULK-2, MSG-6), or that may be a mistake (a
 * reply colliding with a colleague's). A mass action asks for `typed`: its confirm button waits
 * until the user has typed that text (the number of rows that go).
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  tone = "danger",
  pending = false,
  onConfirm,
  onCancel,
  typed,
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
  typed?: string;
}) {
  const t = useT("common");
  const [entered, setEntered] = useState("");
  // Each time it asks, the box starts empty.
  useEffect(() => {
    if (!open) setEntered("");
  }, [open]);
  const confirmed = typed === undefined || entered.trim().replace(/[,\s]/g, "") === typed;
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
          <Button variant={tone} onClick={onConfirm} disabled={pending || !confirmed} data-testid="confirm-action">
            {pending ? t("loading") : confirmLabel}
          </Button>
        </>
      }
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">{body}</p>
      {typed !== undefined ? (
        <div className="mt-4 space-y-1">
          <label htmlFor="confirm-typed" className="block text-sm font-medium">
            {t("typeToConfirm", { text: typed })}
          </label>
          <input id="confirm-typed" className={inputClass} dir="ltr" inputMode="numeric" autoComplete="off" value={entered} onChange={(event) => setEntered(event.target.value)} />
        </div>
      ) : null}
    </Dialog>
  );
}
