// Slows down password guessing: after too many failures for one account or from one address,
// sign-in is refused for a while.
//
// `SharedSignInThrottle` keeps the state in PostgreSQL (`sign_in_attempts`), so every instance
// behind a balancer sees the same failures and the same locks. Each failure is ONE upsert: the
// row lock taken by `ON CONFLICT DO UPDATE` serializes concurrent failures for one key, and each
// one re-reads the latest row, so none is lost and the lock falls on exactly the rule's Nth
// failure.
import type pg from "pg";

export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Rows untouched for this long, and not locked, count for nothing any more and are pruned. */
const RETENTION_MS = Math.max(ACCOUNT_RULE.windowMs, ACCOUNT_RULE.lockMs, ADDRESS_RULE.windowMs, ADDRESS_RULE.lockMs);
const PRUNE_BATCH = 500;

/** What the shared throttle needs from a pool (pg.Pool, pg.Client). */
export type Queryable = Pick<pg.Pool, "query">;

export class SharedSignInThrottle {
  /**
   * @param pool where `sign_in_attempts` lives (the app passes its own pool, lazily)
   * @param now  the clock, for tests; by default the database's own clock, so instances with
   *             skewed clocks still agree.
   * @param onFailure told of every failure recorded and the lock it started (0: none), e.g. to count them
   */
  constructor(
    private readonly pool: () => Queryable,
    private readonly now?: () => number,
    private readonly onFailure?: (key: string, lockMs: number) => void,
  ) {}

  private at(): Date | null {
    return this.now ? new Date(this.now()) : null;
  }

  /** Milliseconds until `key` may try again, or 0. */
  async lockedFor(key: string): Promise<number> {
    const { rows } = await this.pool().query<{ ms: string | null }>(
      `SELECT ceil(extract(epoch FROM locked_until - coalesce($2::timestamptz, clock_timestamp())) * 1000) AS ms
         FROM sign_in_attempts WHERE key = $1`,
      [key, this.at()],
    );
    return Math.max(0, Number(rows[0]?.ms ?? 0));
  }

  /**
   * Records one failure; returns the milliseconds of the lock it caused (0 when none). The
   * failures inside the window are kept on the row (at most rule.maxFailures of them); the Nth
   * one locks the key and starts counting afresh, as the in-memory throttle does.
   */
  async recordFailure(key: string, rule: ThrottleRule): Promise<number> {
    const { rows } = await this.pool().query<{ ms: string | null }>(
      `WITH t AS (SELECT coalesce($2::timestamptz, clock_timestamp()) AS now)
       INSERT INTO sign_in_attempts AS a (key, failures, locked_until, updated_at)
       SELECT $1, CASE WHEN $3::int <= 1 THEN '{}' ELSE ARRAY[t.now] END,
              CASE WHEN $3::int <= 1 THEN t.now + $5 * interval '1 millisecond' END, t.now
         FROM t
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE
           WHEN cardinality(ARRAY(SELECT f FROM unnest(a.failures) f WHERE f > excluded.updated_at - $4 * interval '1 millisecond')) + 1 >= $3
           THEN '{}'
           ELSE ARRAY(SELECT f FROM unnest(a.failures) f WHERE f > excluded.updated_at - $4 * interval '1 millisecond') || excluded.updated_at
         END,
         locked_until = CASE
           WHEN cardinality(ARRAY(SELECT f FROM unnest(a.failures) f WHERE f > excluded.updated_at - $4 * interval '1 millisecond')) + 1 >= $3
           THEN excluded.updated_at + $5 * interval '1 millisecond'
           ELSE a.locked_until
         END,
         updated_at = excluded.updated_at
       RETURNING CASE WHEN cardinality(failures) = 0 THEN ceil(extract(epoch FROM locked_until - updated_at) * 1000) END AS ms`,
      [key, this.at(), rule.maxFailures, rule.windowMs, rule.lockMs],
    );
    await this.prune();
    const lockMs = Math.max(0, Number(rows[0]?.ms ?? 0));
    this.onFailure?.(key, lockMs);
    return lockMs;
  }

  async recordSuccess(key: string): Promise<void> {
    await this.pool().query(`DELETE FROM sign_in_attempts WHERE key = $1`, [key]);
  }

  /**
   * Deletes rows that no longer count: untouched for the retention and not locked. SKIP LOCKED,
   * so a prune never waits on (or deadlocks with) a failure being recorded for that key.
   */
  async prune(): Promise<number> {
    const result = await this.pool().query(
      `WITH t AS (SELECT coalesce($1::timestamptz, clock_timestamp()) AS now)
       DELETE FROM sign_in_attempts WHERE key IN (
         SELECT s.key FROM sign_in_attempts s, t
          WHERE s.updated_at < t.now - $2 * interval '1 millisecond'
            AND (s.locked_until IS NULL OR s.locked_until <= t.now)
          LIMIT ${PRUNE_BATCH} FOR UPDATE OF s SKIP LOCKED)`,
      [this.at(), RETENTION_MS],
    );
    return result.rowCount ?? 0;
  }
}

export const SIGN_IN_LOCKED = "locked";
