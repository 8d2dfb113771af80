"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import { coalesce } from "@/lib/realtime/coalesce";
import { useLiveEvents } from "./use-live-events";

const MIN_INTERVAL_MS = 1000;

/**
 * Keeps the admin screens live: on any change it asks the server to re-render the page in place
 * (badge, list, messages) — at most once a second, so a burst of a thousand messages is a
 * handful of refreshes, not a thousand. Scroll, focus and selection stay where they are.
 */
export function LiveRefresh() {
  const router = useRouter();
  const refresh = useMemo(() => coalesce(() => router.refresh(), MIN_INTERVAL_MS), [router]);
  useEffect(() => () => refresh.cancel(), [refresh]);
  useLiveEvents(() => refresh.ask());
  return null;
}
