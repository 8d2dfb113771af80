"use client";
import { RequestReference } from "@/components/shell/request-reference";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/** Any error a page throws ends here: a plain, localized message and a retry, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT("common");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="max-w-md text-slate-700 dark:text-slate-300">{t("errorBody")}</p>
      <RequestReference />
      <Button variant="primary" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
