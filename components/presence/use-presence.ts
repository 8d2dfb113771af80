"use client";
import { useEffect, useState } from "react";
import type { Presence } from "@/lib/presence/presence-hub";

export type PresenceMap = Record<number, Presence[]>;

/**
 * Who is on these sessions, live (issue 20), from the presence stream; `viewing` is the session
 * this tab shows, so the others see this user on it until the tab closes.
 */
export function usePresence({ viewing, watch }: { viewing?: number; watch: readonly number[] }): PresenceMap {
  const [presence, setPresence] = useState<PresenceMap>({});
  const watched = watch.join(",");
  useEffect(() => {
    if (!viewing && !watched) return;
    const query = new URLSearchParams();
    if (viewing) query.set("viewing", String(viewing));
    if (watched) query.set("watch", watched);
    const source = new EventSource(`/api/presence?${query.toString()}`);
    source.addEventListener("presence", (event) => setPresence(JSON.parse((event as MessageEvent<string>).data) as PresenceMap));
    return () => source.close();
  }, [viewing, watched]);
  return presence;
}

/** Tells the others "I am replying" while the user types: at most once every 3 s. */
export function replyingReporter(sessionId: number): () => void {
  let last = 0;
  return () => {
    const now = Date.now();
    if (now - last < 3_000) return;
    last = now;
    void fetch("/api/presence", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId }) }).catch(() => {});
  };
}
