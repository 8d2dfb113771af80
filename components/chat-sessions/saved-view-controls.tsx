"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { useT } from "@/lib/i18n/client";
import { deleteViewAction, renameViewAction, reorderViewsAction, saveViewAction, shareViewAction } from "@/lib/saved-views/actions";
import type { VisibleView } from "@/lib/saved-views/visible-views";
import { ViewNameDialog, type ViewNameValues } from "./view-name-dialog";

type Props = {
  /** the list's state as its URL says (search, filters, sort, columns) */
  query: string;
  /** the saved view whose tab is current, if one is */
  view: VisibleView | null;
  /** the user's own views, in their order */
  ownIds: number[];
};

/** Issue 19: save the list's view as a tab; rename, share, move or delete the current one (its owner, or an admin for a shared one). */
export function SavedViewControls({ query, view, ownIds }: Props) {
  const t = useT("chatSessions");
  const common = useT("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<"save" | "rename" | "delete" | null>(null);

  const act = <T,>(run: () => Promise<ActionResult<T>>, success: string | null) =>
    startTransition(async () => {
      const result = await run();
      if (!result.ok) {
        const message = result.error.message;
        toast.error(message === "viewNotFound" || message === "viewOrderStale" ? t(message) : message === "forbidden" ? common("forbidden") : common("errorBody"));
        return;
      }
      setDialog(null);
      if (success) toast.success(success);
      router.refresh();
    });

  const move = (by: -1 | 1) => {
    if (!view) return;
    const ids = [...ownIds];
    const at = ids.indexOf(view.id);
    const to = at + by;
    const [moving, other] = [ids[at], ids[to]];
    if (moving === undefined || other === undefined) return;
    [ids[at], ids[to]] = [other, moving];
    act(() => reorderViewsAction({ ids }), null);
  };
  const position = view ? ownIds.indexOf(view.id) : -1;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={() => setDialog("save")} disabled={pending}>
        {t("saveView")}
      </Button>
      {view?.manageable ? (
        <div role="group" aria-label={t("currentViewActions", { name: view.name })} className="flex flex-wrap items-center gap-2">
          <Button onClick={() => setDialog("rename")} disabled={pending}>
            {t("renameView")}
          </Button>
          {view.mine || view.shared ? (
            <Button onClick={() => act(() => shareViewAction({ id: view.id, shared: !view.shared }), null)} disabled={pending || (!view.mine && !view.shared)}>
              {view.shared ? t("unshareView") : t("shareView")}
            </Button>
          ) : null}
          {view.mine && ownIds.length > 1 ? (
            <>
              <Button onClick={() => move(-1)} disabled={pending || position <= 0}>
                {t("moveViewEarlier")}
              </Button>
              <Button onClick={() => move(1)} disabled={pending || position >= ownIds.length - 1}>
                {t("moveViewLater")}
              </Button>
            </>
          ) : null}
          <Button variant="danger" onClick={() => setDialog("delete")} disabled={pending}>
            {t("deleteView")}
          </Button>
        </div>
      ) : null}
      <ViewNameDialog
        open={dialog === "save"}
        title={t("saveViewTitle")}
        initial={{ name: "", query, shared: false }}
        withSharing
        pending={pending}
        onClose={() => setDialog(null)}
        onSubmit={(values: ViewNameValues) => act(() => saveViewAction(values), t("viewSaved"))}
      />
      {view ? (
        <>
          <ViewNameDialog
            open={dialog === "rename"}
            title={t("renameViewTitle")}
            initial={{ name: view.name, query: view.query, shared: view.shared }}
            withSharing={false}
            pending={pending}
            onClose={() => setDialog(null)}
            onSubmit={(values: ViewNameValues) => act(() => renameViewAction({ id: view.id, name: values.name }), null)}
          />
          <ConfirmDialog
            open={dialog === "delete"}
            title={t("deleteViewTitle", { name: view.name })}
            body={t("deleteViewBody", { shared: view.shared ? t("deleteViewShared") : "" })}
            confirmLabel={t("deleteView")}
            pending={pending}
            onConfirm={() => act(() => deleteViewAction({ id: view.id }), t("viewDeleted"))}
            onCancel={() => setDialog(null)}
          />
        </>
      ) : null}
    </div>
  );
}
