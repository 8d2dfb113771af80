"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { useT } from "@/lib/i18n/client";
import { setWaitingThresholdsAction } from "@/lib/settings/actions";
import { waitingThresholdsSchema } from "@/lib/settings/waiting-thresholds-schema";

type FieldKey = "amberMinutes" | "redMinutes";
const MESSAGES = ["wholeMinutes", "redAfterAmber"] as const;

/** Issue 19: when the sessions list's waiting column turns amber, then red. */
export function WaitingThresholdsSetting({ thresholds }: { thresholds: WaitingThresholds }) {
  const t = useT("settings");
  const common = useT("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<WaitingThresholds>({ resolver: zodResolver(waitingThresholdsSchema), defaultValues: thresholds });
  const message = (key: FieldKey) => {
    const raw = formState.errors[key]?.message;
    return raw ? t((MESSAGES as readonly string[]).includes(raw) ? (raw as (typeof MESSAGES)[number]) : "wholeMinutes") : undefined;
  };
  const save = handleSubmit((values) =>
    startTransition(async () => {
      const result = await setWaitingThresholdsAction(values);
      if (!result.ok) {
        for (const [field, key] of Object.entries(result.error.fieldErrors ?? {})) setError(field as FieldKey, { message: key });
        if (!result.error.fieldErrors) toast.error(common(result.error.message === "forbidden" ? "forbidden" : "errorBody"));
        return;
      }
      toast.success(t("saved"));
      router.refresh();
    }),
  );
  return (
    <form onSubmit={save} noValidate className="space-y-3">
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">{t("waitingHint")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="amber-minutes" label={t("amberMinutes")} type="number" inputMode="numeric" min={1} error={message("amberMinutes")} registration={register("amberMinutes", { valueAsNumber: true })} />
        <TextField id="red-minutes" label={t("redMinutes")} type="number" inputMode="numeric" min={1} error={message("redMinutes")} registration={register("redMinutes", { valueAsNumber: true })} />
      </div>
      <Button type="submit" disabled={pending}>
        {t("saveThresholds")}
      </Button>
    </form>
  );
}
