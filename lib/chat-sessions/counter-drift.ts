import type { ClientBase } from "pg";

export type SessionDrift = { id: number; storedMessages: number; messages: number; storedUnread: number; unread: number };
export type DriftReport = { sessions: SessionDrift[]; storedTotal: number; unreadTotal: number };

/**
 * Compares every stored counter with a fresh count from the messages. The triggers keep them
 * equal; this is the check that proves it on a live database (npm run check:counters).
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
  const totals = await client.query<{ stored: number; truth: number }>(
    `SELECT (SELECT coalesce(sum(total), 0) FROM unread_totals)::int AS stored,
            (SELECT count(*) FROM chat_messages WHERE read_at IS NULL)::int AS truth`,
  );
  const row = totals.rows[0] ?? { stored: 0, truth: 0 };
  return { sessions: sessions.rows, storedTotal: row.stored, unreadTotal: row.truth };
}

export function hasDrift(report: DriftReport): boolean {
  return report.sessions.length > 0 || report.storedTotal !== report.unreadTotal;
}

/** Recounts everything from the messages, in one transaction. */
export async function repairCounters(client: ClientBase): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT recompute_chat_counters()");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
