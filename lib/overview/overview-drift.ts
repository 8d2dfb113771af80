import type { ClientBase } from "pg";

/** One key of a count table whose stored count differs from a fresh count (a missing row counts 0). */
export type OverviewDrift = { table: string; key: string; stored: number; truth: number };

// Each count table, its key columns and its counted columns; `<table>_truth` is the view that
// counts the same afresh (migration overview_counts).
const TABLES = [
  { table: "message_day_counts", keys: ["day", "slot"], counts: ["messages"] },
  { table: "vendor_awaiting_counts", keys: ["vendor_id"], counts: ["sessions"] },
  { table: "first_reply_counts", keys: ["week", "seconds"], counts: ["sessions"] },
  { table: "conversion_week_counts", keys: ["week", "vendor_id"], counts: ["sessions", "converted"] },
] as const;

/**
 * Compares every count the overview reads (lib/overview/overview-figures.ts) with a fresh count
 * from the messages, sessions and orders. The triggers keep them equal; this proves it.
 */
export async function findOverviewDrift(client: ClientBase, limit = 100): Promise<OverviewDrift[]> {
  const drift: OverviewDrift[] = [];
  for (const { table, keys, counts } of TABLES) {
    const on = keys.map((key) => `s.${key} = t.${key}`).join(" AND ");
    const key = keys.map((name) => `coalesce(s.${name}, t.${name})::text`).join(" || '/' || ");
    for (const count of counts) {
      const { rows } = await client.query<OverviewDrift>(
        `SELECT '${table}.${count}' AS table, ${key} AS key, coalesce(s.${count}, 0) AS stored, coalesce(t.${count}, 0) AS truth
           FROM ${table} s FULL JOIN ${table}_truth t ON ${on}
          WHERE coalesce(s.${count}, 0) <> coalesce(t.${count}, 0) LIMIT $1`,
        [limit],
      );
      drift.push(...rows);
    }
  }
  return drift;
}
