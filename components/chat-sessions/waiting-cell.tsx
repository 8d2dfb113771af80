"use client";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SessionRow } from "@/lib/chat-sessions/list";
import { waitingTone, type WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { useT } from "@/lib/i18n/client";

/** Issue 19: "Vendor · 3 hours ago" / "البائع · منذ 3 ساعات", coloured by the admin's thresholds; a dash when nobody owes a reply. */
export function WaitingCell({ row, thresholds }: { row: Pick<SessionRow, "awaiting" | "awaitingSince">; thresholds: WaitingThresholds }) {
  const t = useT("chatSessions");
  if (row.awaiting === "none" || !row.awaitingSince) return <span className="text-slate-500">—</span>;
  const since = new Date(row.awaitingSince);
  const tone = waitingTone(since, thresholds);
  const side = t(row.awaiting === "vendor" ? "awaitingVendor" : "awaitingCustomer");
  return (
    // The tone depends on the clock: the browser's may differ by a render from the server's. Its
    // colours are app/globals.css's [data-waiting] rules.
    <span data-waiting={tone} suppressHydrationWarning>
      {`${side} · `}
      <RelativeTime value={since} />
    </span>
  );
}
