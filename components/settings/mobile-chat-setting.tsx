"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setMobileChatEnabledAction } from "@/lib/settings/actions";
import { useT } from "@/lib/i18n/client";

/** SET-1: a switch that saves as soon as it is flipped. */
export function MobileChatSetting({ enabled }: { enabled: boolean }) {
  const t = useT("settings");
  const common = useT("common");
  const router = useRouter();
  const [on, setOn] = useState(enabled);
  const [pending, startTransition] = useTransition();
  const flip = (next: boolean) => {
    setOn(next);
    startTransition(async () => {
      const result = await setMobileChatEnabledAction({ enabled: next });
      if (!result.ok) {
        setOn(!next);
        toast.error(common(result.error.message === "forbidden" ? "forbidden" : "errorBody"));
        return;
      }
      toast.success(t("saved"));
      router.refresh();
    });
  };
  return (
    <label className="flex items-start gap-3">
      <input type="checkbox" role="switch" className="mt-1 h-5 w-5" checked={on} disabled={pending} onChange={(event) => flip(event.target.checked)} />
      <span>
        <span className="block font-medium">{t("mobileChat")}</span>
        <span className="block text-sm text-slate-600 dark:text-slate-400">
          {t("mobileChatHint")} · {on ? t("on") : t("off")}
        </span>
      </span>
    </label>
  );
}
