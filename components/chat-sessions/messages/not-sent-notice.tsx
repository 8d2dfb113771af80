"use client";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/**
 * Said when a send failed on the server's side or the network's (never the writer's mistake):
 * the draft stays in its box, and Retry sends it again.
 */
export function NotSentNotice({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const t = useT("messages");
  return (
    <p role="alert" data-testid="not-sent" className="flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-400">
      {t("notSent")}
      <Button onClick={onRetry} disabled={retrying}>
        {t("retry")}
      </Button>
    </p>
  );
}
