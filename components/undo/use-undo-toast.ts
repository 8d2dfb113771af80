"use client";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { toast } from "sonner";
import { useT } from "@/lib/i18n/client";
import { undoActionAction } from "@/lib/undo/actions";

/** How long the toast offers Undo (lib/undo/undo-window.ts keeps the record a little longer). */
const UNDO_MS = 10_000;

/**
 * A success toast that offers Undo for 10 seconds when the action returned a token; Undo sends
 * it back, says so, and refreshes the page (counters, badge, rows) from the database.
 */
export function useUndoToast(): (message: string, undoToken: string | null) => void {
  const t = useT("team");
  const common = useT("common");
  const router = useRouter();
  return useCallback(
    (message: string, undoToken: string | null) => {
      if (!undoToken) {
        toast.success(message);
        return;
      }
      toast.success(message, {
        duration: UNDO_MS,
        action: {
          label: t("undo"),
          onClick: async () => {
            const result = await undoActionAction({ token: undoToken });
            if (result.ok) toast.success(t("undone"));
            else toast.error(result.error.code === "not_found" ? t("undoExpired") : common("errorBody"));
            router.refresh();
          },
        },
      });
    },
    [t, common, router],
  );
}
