import { dbPool } from "@/lib/db";
import { outgoingOf, type LoggedEvent, type LoggedOutgoing } from "./sse-frames";

/** At most this many events are read for a stream at once; a full page means more are waiting. */
export const REPLAY_LIMIT = 1000;
const BATCH_LIMIT = 500;
const READS_IN_FLIGHT = 2;

type Row = LoggedEvent & { k: number; id: number };
/** One statement for a batch of reads: row k (1-based) of the batch asks for `userIds[k-1]`'s events after `afterIds[k-1]`. */
export type BatchQuery = (userIds: number[], afterIds: number[], limit: number) => Promise<Row[]>;

const onPool: BatchQuery = async (userIds, afterIds, limit) =>
  (
    await dbPool().query<Row>({
      text: `SELECT w.k::int AS k, e.id, e.kind, e.session_id AS "sessionId", e.message_id AS "messageId", e.sender_id AS "senderId"
               FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS w(user_id, after_id, k)
               CROSS JOIN LATERAL (SELECT id, kind, session_id, message_id, sender_id FROM user_events
                                    WHERE user_id = w.user_id AND id > w.after_id ORDER BY id LIMIT $3) e
              ORDER BY w.k, e.id`,
      values: [userIds, afterIds, limit],
    })
  ).rows;

/**
 * Reads of "the viewer's events after id N", batched: every read asked for while the previous
 * batch is on its way (a burst of messages to many recipients) goes out together in one
 * statement through the driver, so a busy instance reads once per batch, not once per message.
 */
export class EventLogReader {
  private waiting: { userId: number; afterId: number; resolve: (rows: LoggedOutgoing[]) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly query: BatchQuery = onPool) {}

  read(userId: number, afterId: number): Promise<LoggedOutgoing[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ userId, afterId, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= READS_IN_FLIGHT || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    const batch = this.waiting.splice(0, BATCH_LIMIT);
    if (batch.length === 0) return;
    this.inFlight += 1;
    try {
      const rows = await this.query(batch.map((b) => b.userId), batch.map((b) => b.afterId), REPLAY_LIMIT);
      const pages: LoggedOutgoing[][] = batch.map(() => []);
      for (const row of rows) pages[row.k - 1]?.push({ ...outgoingOf(row), id: row.id });
      batch.forEach((b, i) => {
        b.resolve(pages[i] ?? []);
      });
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}
