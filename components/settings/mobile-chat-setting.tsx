"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setMobileChatEnabledAction } from "@/lib/settings/actions";
import { useT } from "@/lib/i18n/client";
import { useActionError } from "@/components/ui/use-action-error";

/**
 * SET-1: a switch that saves as soon as it is flipped; switching chat off (for every mobile and
 * web chat user at once) asks first and says what happens.
 */
export function MobileChatSetting({ enabled }: { enabled: boolean }) {
  const t = useT("settings");
  const actionError = useActionError();
  const router = useRouter();
  const [on, setOn] = useState(enabled);
  const [askingOff, setAskingOff] = useState(false);
  const [pending, startTransition] = useTransition();
  const save = (next: boolean) => {
    setAskingOff(false);
    setOn(next);
    startTransition(async () => {
      const result = await setMobileChatEnabledAction({ enabled: next });
      if (!result.ok) {
        setOn(!next);
        actionError.toast(result.error);
        return;
      }
      toast.success(t("saved"));
      router.refresh();
    });
  };
  return (
    <>
      <div className="flex items-start gap-3">
        <span className="relative mt-1 inline-flex shrink-0">
          <input
            id="mobile-chat"
            type="checkbox"
            role="switch"
            aria-describedby="mobile-chat-hint"
            className="peer h-6 w-11 cursor-pointer appearance-none rounded-full bg-slate-400 transition-colors checked:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-wait disabled:opacity-60 dark:bg-slate-600 dark:checked:bg-blue-500"
            checked={on}
            disabled={pending}
            onChange={(event) => (event.target.checked ? save(true) : setAskingOff(true))}
          />
          <span aria-hidden="true" className="pointer-events-none absolute start-0.5 top-0.5 h-5 w-5 rounded-full bg-white shadow transition-[inset-inline-start] peer-checked:start-[1.375rem]" />
        </span>
        <span>
          <label htmlFor="mobile-chat" className="block cursor-pointer font-medium">
            {t("mobileChat")} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">· {on ? t("on") : t("off")}</span>
          </label>
          <span id="mobile-chat-hint" className="block max-w-prose text-sm text-slate-600 dark:text-slate-400">
            {t("mobileChatHint")}
          </span>
        </span>
      </div>
      <ConfirmDialog open={askingOff} title={t("turnOffTitle")} body={t("turnOffBody")} confirmLabel={t("turnOffConfirm")} pending={pending} onConfirm={() => save(false)} onCancel={() => setAskingOff(false)} />
    </>
  );
}
