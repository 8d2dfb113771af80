import "server-only";
import { DomainError } from "@/lib/errors";
import { dbPool } from "@/lib/db";
import { sendRateRule } from "./send-rate-rule";
import { present } from "@/lib/present";

/** Sending again is allowed after `retryAfterSeconds`. */
export class SendingTooFast extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", "sendingTooFast");
  }
}

// A fixed window per user, in one upsert that every instance shares: the row lock orders
// concurrent sends of one user, so none is lost or counted twice. A window older than its length
// starts again at this send. Refused attempts count too, which keeps a flood refused until the
// window ends, never longer.
const CONSUME = `
  INSERT INTO send_rate_windows AS w (user_id, window_start, sent) VALUES ($1, now(), 1)
  ON CONFLICT (user_id) DO UPDATE SET
    window_start = CASE WHEN w.window_start <= now() - make_interval(secs => $2) THEN now() ELSE w.window_start END,
    sent = CASE WHEN w.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE LEAST(w.sent + 1, 2147483647) END
  RETURNING sent, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS "retryAfter"`;

type Window = { sent: number; retryAfter: number };
type RunConsume = (statement: string, values: unknown[]) => Promise<Window[]>;

const onPool: RunConsume = async (statement, values) => (await dbPool().query<Window>(statement, values)).rows;

/**
 * Counts one send of the user; throws SendingTooFast past the limit. One round trip, on the pool,
 * or in a caller's transaction (`run`): an Idempotency-Key's, whose connection is the one that
 * may go on (concurrent same-key requests hold the others, waiting on the key's row).
 */
export async function consumeSendAllowance(userId: number, run: RunConsume = onPool): Promise<void> {
  const { limit, windowSeconds } = sendRateRule();
  const [row] = await run(CONSUME, [userId, windowSeconds]);
  const { sent, retryAfter } = present(row, "the send window's upsert");
  if (sent > limit) throw new SendingTooFast(Math.max(1, retryAfter));
}
