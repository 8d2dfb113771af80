"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useLiveEvents } from "./use-live-events";

const MIN_INTERVAL_MS = 1000;

/**
 * Keeps the admin screens live: on any change it asks the server to re-render the page in place
 * (badge, list, messages) — at most once a second, so a burst of a thousand messages is a
 * handful of refreshes, not a thousand. Scroll, focus and selection stay where they are.
 */
export function LiveRefresh() {
  const router = useRouter();
  const lastRefresh = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvents(() => {
    if (timer.current) return;
    const wait = Math.max(0, lastRefresh.current + MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastRefresh.current = Date.now();
      router.refresh();
    }, wait);
  });
  return null;
}
