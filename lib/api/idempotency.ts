import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

// Idempotency-Key on the mobile API's writes. The first request with a key claims it (a row of
// idempotency_keys, in the transaction of the write), and the answer is stored in that same
// transaction: so a retry, whatever failed in between (the connection, the process after the
// commit), finds the answer and replays it, and nothing is written twice. Two requests with one
// key at once: the second waits on the first's row, then replays its answer. The same key with
// another request (route, ids or body) is refused; keys count for 24 hours.

export type StoredAnswer = { status: number; body: unknown };
/** An answer as it went out: its status and its JSON text. */
export type SentAnswer = { status: number; text: string };
export type KeyedRequest = { userId: number; key: string; fingerprint: string };
export type KeyedOutcome = { kind: "answered"; answer: SentAnswer; replayed: boolean } | { kind: "mismatch" } | { kind: "in_progress" };

export const IDEMPOTENCY_KEY_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key: null when there is none, "invalid" when it is not 1–255 visible ASCII characters. */
export function idempotencyKeyOf(request: Request): string | null | "invalid" {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  return KEY.test(key) ? key : "invalid";
}

/** What makes two requests "the same": the route, its ids and the parsed body. */
export function fingerprintOf(route: string, input: unknown): string {
  return createHash("sha256").update(JSON.stringify([route, input])).digest("base64url");
}

type Tx = Prisma.TransactionClient;

/**
 * Runs `write` once per key: in one transaction, claims the key (or takes over an expired one),
 * writes, and stores the answer; `after` (announcing the change) runs once it has committed. A
 * key already answered gives its stored answer, without running anything.
 */
export async function onceForKey(
  request: KeyedRequest,
  write: (tx: Tx) => Promise<StoredAnswer & { after?: () => Promise<void> }>,
): Promise<KeyedOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<unknown[]>`
      INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES (${request.userId}, ${request.key}, ${request.fingerprint})
      ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = NULL, response = NULL, created_at = now()
        WHERE idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})
      RETURNING 1`;
    if (claimed.length === 0) return { kind: "stored" as const, stored: await storedAnswer(tx, request) };
    const { after, status, body } = await write(tx);
    const text = JSON.stringify(body);
    await tx.$executeRaw`UPDATE idempotency_keys SET status = ${status}, response = ${text} WHERE user_id = ${request.userId} AND key = ${request.key}`;
    return { kind: "written" as const, written: { status, text }, after };
  });
  if (outcome.kind === "stored") return outcome.stored;
  await outcome.after?.();
  return { kind: "answered", answer: outcome.written, replayed: false };
}

async function storedAnswer(tx: Tx, request: KeyedRequest): Promise<KeyedOutcome> {
  const [row] = await tx.$queryRaw<{ fingerprint: string; status: number | null; response: string | null }[]>`
    SELECT fingerprint, status, response FROM idempotency_keys WHERE user_id = ${request.userId} AND key = ${request.key}`;
  if (!row || row.fingerprint !== request.fingerprint) return { kind: "mismatch" };
  if (row.status === null || row.response === null) return { kind: "in_progress" };
  return { kind: "answered", answer: { status: row.status, text: row.response }, replayed: true };
}

/** Deletes keys past their 24 hours (run with the event-log prune). */
export async function pruneIdempotencyKeys(): Promise<number> {
  return db.$executeRaw`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`;
}
