"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { useUndoToast } from "@/components/undo/use-undo-toast";
import { assignSessionsAction } from "@/lib/assignment/actions";
import type { sessionsList } from "@/lib/chat-sessions/list";
import type { Selection } from "@/lib/list-engine/selection";
import { useT } from "@/lib/i18n/client";

/** Assigns (or releases, null) a selection of sessions, with the toast that offers Undo; `onDone` runs once it has. */
export function useAssign() {
  const t = useT("team");
  const common = useT("common");
  const router = useRouter();
  const showUndo = useUndoToast();
  const [pending, startTransition] = useTransition();
  const assign = (selection: Selection<typeof sessionsList.filters>, assigneeId: number | null, onDone?: () => void) =>
    startTransition(async () => {
      const result = await assignSessionsAction({ selection, assigneeId });
      if (!result.ok) {
        const field = result.error.fieldErrors?.assigneeId;
        toast.error(field === "assigneeNotStaff" ? t("assigneeNotStaff") : result.error.code === "forbidden" ? common("forbidden") : common("errorBody"));
        return;
      }
      const { sessions, skipped, undoToken } = result.data;
      const done = t(assigneeId === null ? "released" : "assigned", { count: sessions });
      showUndo(skipped > 0 ? `${done} ${t("skippedHeld", { count: skipped })}` : done, undoToken);
      onDone?.();
      router.refresh();
    });
  return { assign, pending };
}
