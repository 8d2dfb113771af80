import "server-only";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { dbPool } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";
import { processSingleton } from "@/lib/process-singleton";
import { present } from "@/lib/present";

/** How long a participant's events are kept for replay after a reconnect. */
export const EVENT_LOG_RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const BATCH = 10_000;
const PRUNED_THROUGH = "eventLogPrunedThrough";

// Events older than the window go, oldest first, a batch at a time (short locks, short WAL
// bursts). The boundary is found by walking the primary key from the oldest event to the first
// one young enough, so the scan is as long as what is deleted. The highest id deleted is kept in
// settings: a stream resuming from before it may have lost events, and says so.
const PRUNE = `
  WITH boundary AS (
    SELECT id FROM user_events WHERE created_at >= now() - make_interval(days => $1) ORDER BY id LIMIT 1
  ), gone AS (
    DELETE FROM user_events WHERE id IN (
      SELECT id FROM user_events WHERE id < coalesce((SELECT id FROM boundary), 2147483647) ORDER BY id LIMIT $2
    ) RETURNING id
  ), marked AS (
    INSERT INTO settings (key, value, updated_at) SELECT $3, to_jsonb(max(id)), now() FROM gone HAVING count(*) > 0
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb(GREATEST((settings.value #>> '{}')::int, (EXCLUDED.value #>> '{}')::int)), updated_at = now()
  )
  SELECT count(*)::int AS deleted FROM gone`;

/** Deletes the events older than the retention window; returns how many went. */
export async function pruneEventLog(olderThanDays = EVENT_LOG_RETENTION_DAYS): Promise<number> {
  let total = 0;
  try {
    for (;;) {
      const { rows } = await dbPool().query<{ deleted: number }>({ text: PRUNE, values: [olderThanDays, BATCH, PRUNED_THROUGH] });
      const { deleted } = present(rows[0], "the prune's count");
      total += deleted;
      if (deleted < BATCH) break;
    }
  } catch (error) {
    metrics().pruneRuns.inc({ outcome: "failed" });
    throw error;
  } finally {
    metrics().prunedEvents.inc(total);
  }
  metrics().pruneRuns.inc({ outcome: "ok" });
  return total;
}

/** The highest event id pruned so far (0: none). A replay from before it may be incomplete. */
export async function eventLogPrunedThrough(): Promise<number> {
  const { rows } = await dbPool().query<{ id: number }>({
    text: `SELECT (value #>> '{}')::int AS id FROM settings WHERE key = $1`,
    values: [PRUNED_THROUGH],
  });
  return rows[0]?.id ?? 0;
}

/**
 * Every instance that serves event streams prunes the log once an hour (concurrent prunes are
 * harmless), and the mobile API's expired Idempotency-Keys with it.
 */
export function keepEventLogPruned(): void {
  processSingleton("eventLogPruning", () =>
    setInterval(() => {
      pruneEventLog().catch((error: unknown) => console.error("event log not pruned", error));
      pruneIdempotencyKeys().catch((error: unknown) => console.error("idempotency keys not pruned", error));
    }, PRUNE_EVERY_MS).unref(),
  );
}
