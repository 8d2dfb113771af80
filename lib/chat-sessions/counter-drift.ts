import type { ClientBase } from "pg";
import { findOverviewDrift, type OverviewDrift } from "@/lib/overview/overview-drift";

export type SessionDrift = { id: number; storedMessages: number; messages: number; storedUnread: number; unread: number };
/** A session whose triage state (issue 19) differs from its messages: per-side unread, who owes the reply, since when. */
export type TriageDrift = {
  id: number;
  storedForVendor: number;
  forVendor: number;
  storedForCustomer: number;
  forCustomer: number;
  storedAwaiting: string;
  awaiting: string;
  storedSince: Date | null;
  since: Date | null;
};
export type DriftReport = { sessions: SessionDrift[]; triage: TriageDrift[]; overview: OverviewDrift[]; storedTotal: number; unreadTotal: number };

/**
 * Compares every stored counter with a fresh count from the messages. The triggers keep them
 * equal; this is the check that proves it on a live database (npm run check:counters). Who owes
 * the reply is recomputed by session_awaiting(), the function the triggers store. The overview's
 * counts (issue 18) are compared with their fresh counts too.
 */
export async function findCounterDrift(client: ClientBase, limit = 100): Promise<DriftReport> {
  const sessions = await client.query<SessionDrift>(
    `SELECT s.id, s.message_count AS "storedMessages", coalesce(m.messages, 0)::int AS messages,
            s.unread_count AS "storedUnread", coalesce(m.unread, 0)::int AS unread
       FROM chat_sessions s
       LEFT JOIN (SELECT session_id, count(*) AS messages, count(*) FILTER (WHERE read_at IS NULL) AS unread
                    FROM chat_messages GROUP BY session_id) m ON m.session_id = s.id
      WHERE s.message_count <> coalesce(m.messages, 0) OR s.unread_count <> coalesce(m.unread, 0)
      ORDER BY s.id LIMIT $1`,
    [limit],
  );
  const triage = await client.query<TriageDrift>(
    `SELECT s.id, s.unread_for_vendor AS "storedForVendor", coalesce(m.for_vendor, 0)::int AS "forVendor",
            s.unread_for_customer AS "storedForCustomer", coalesce(m.for_customer, 0)::int AS "forCustomer",
            s.awaiting::text AS "storedAwaiting", t.awaiting::text AS awaiting, s.awaiting_since AS "storedSince", t.since
       FROM chat_sessions s
       LEFT JOIN (SELECT m.session_id,
                         count(*) FILTER (WHERE m.read_at IS NULL AND m.sender_id = c.customer_id) AS for_vendor,
                         count(*) FILTER (WHERE m.read_at IS NULL AND m.sender_id = c.vendor_id) AS for_customer
                    FROM chat_messages m JOIN chat_sessions c ON c.id = m.session_id GROUP BY m.session_id) m ON m.session_id = s.id
       CROSS JOIN LATERAL session_awaiting(s.id, s.customer_id, s.vendor_id) t
      WHERE s.unread_for_vendor <> coalesce(m.for_vendor, 0) OR s.unread_for_customer <> coalesce(m.for_customer, 0)
         OR (s.awaiting, s.awaiting_since) IS DISTINCT FROM (t.awaiting, t.since)
      ORDER BY s.id LIMIT $1`,
    [limit],
  );
  const totals = await client.query<{ stored: number; truth: number }>(
    `SELECT (SELECT coalesce(sum(total), 0) FROM unread_totals)::int AS stored,
            (SELECT count(*) FROM chat_messages WHERE read_at IS NULL)::int AS truth`,
  );
  const row = totals.rows[0] ?? { stored: 0, truth: 0 };
  return { sessions: sessions.rows, triage: triage.rows, overview: await findOverviewDrift(client, limit), storedTotal: row.stored, unreadTotal: row.truth };
}

export function hasDrift(report: DriftReport): boolean {
  return report.sessions.length > 0 || report.triage.length > 0 || report.overview.length > 0 || report.storedTotal !== report.unreadTotal;
}

/** Sessions a transaction when repairing: writers of those sessions wait for one slice at most. */
export const REPAIR_SLICE = 10_000;

/**
 * Recounts everything from the messages: the sessions a slice of ids per transaction
 * (recompute_chat_counters_between), then the badge total and the overview's counts. In one transaction, 1M sessions /
 * 10M messages held every session's lock for more than 25 minutes.
 */
export async function repairCounters(client: ClientBase, slice = REPAIR_SLICE, onSlice?: (done: number, of: number) => void): Promise<void> {
  const { rows } = await client.query<{ lo: number | null; hi: number | null }>("SELECT min(id) AS lo, max(id) AS hi FROM chat_sessions");
  const { lo, hi } = rows[0] ?? { lo: null, hi: null };
  if (lo !== null && hi !== null) {
    for (let from = lo; from <= hi; from += slice) {
      await client.query("SELECT recompute_chat_counters_between($1, $2)", [from, from + slice]);
      onSlice?.(Math.min(from + slice, hi + 1) - lo, hi + 1 - lo);
    }
  }
  await client.query("SELECT recompute_unread_totals()");
  // The overview's count tables (issue 18) are small: one statement.
  await client.query("SELECT recompute_overview_counts()");
}
