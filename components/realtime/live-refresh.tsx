"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import { useT } from "@/lib/i18n/client";
import { coalesce } from "@/lib/realtime/coalesce";
import { useLiveEvents } from "./use-live-events";

const MIN_INTERVAL_MS = 1000;

/**
 * Keeps the admin screens and the web chat live: on any change it asks the server to re-render
 * the page in place (badge, list, messages) — at most once a second, so a burst of a thousand
 * messages is a handful of refreshes, not a thousand. Scroll, focus and selection stay where
 * they are. While the stream is down it says so ("reconnecting…"), and catches up once back.
 */
export function LiveRefresh() {
  const router = useRouter();
  const t = useT("common");
  const refresh = useMemo(() => coalesce(() => router.refresh(), MIN_INTERVAL_MS), [router]);
  useEffect(() => () => refresh.cancel(), [refresh]);
  const state = useLiveEvents(
    () => refresh.ask(),
    () => refresh.ask(),
  );
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-3 z-40 flex justify-center">
      {state === "reconnecting" ? (
        <p className="rounded-full bg-amber-100 px-4 py-1.5 text-sm font-medium text-amber-950 shadow dark:bg-amber-900 dark:text-amber-50" data-testid="reconnecting">
          {t("reconnecting")}
        </p>
      ) : null}
    </div>
  );
}
