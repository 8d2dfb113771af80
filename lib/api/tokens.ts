import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, dbPool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { eventBus, publishEvent } from "@/lib/realtime/bus";
import { TOKEN_IDLE_DAYS } from "./token-lifetime";
import { processSingleton } from "@/lib/process-singleton";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type TokenUser = { id: number; name: string; email: string; role: Role };

/** A new bearer token for the user; only its hash is stored, so the database never holds one. */
export async function issueToken(userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.apiToken.create({ data: { userId, tokenHash: hashToken(token) } });
  return token;
}

/** Revokes the token; its open event streams end (on every instance) and no instance accepts it again. */
export async function revokeToken(token: string): Promise<void> {
  const hash = hashToken(token);
  const revoked = await db.$queryRaw<{ userId: number }[]>`
    UPDATE api_tokens SET revoked_at = now() WHERE token_hash = ${hash} AND revoked_at IS NULL RETURNING user_id AS "userId"`;
  tokenCache.forgetHash(hash);
  await announceRevoked(revoked.map((r) => r.userId));
}

/**
 * After a commit that revoked tokens or web sessions of these users (or deleted them): this
 * instance forgets their tokens before answering, the others as the bus's `revoked` event tells
 * them, and their open event streams, here and elsewhere, check whether they may go on.
 */
export async function announceRevoked(userIds: number[]): Promise<void> {
  tokenCache.forgetUser(...userIds);
  for (const userId of new Set(userIds)) await publishEvent({ type: "revoked", userId });
}

/**
 * Every API request asks who its token belongs to. A lookup is kept per instance for up to
 * FRESH_MS, keyed by the token's hash: a revocation clears it at once on the instance that
 * revoked, and on every other instance when the bus's `revoked` event arrives (milliseconds
 * later); the whole cache is dropped whenever the bus reconnects (an event may have been missed)
 * and entries expire on their own, which bounds how long a change made straight in the
 * database (a role, a deleted user) may go unnoticed. A token that is not live is never kept.
 * last_used_at is written at most once a minute per token, after the answer, never waited on.
 */
const FRESH_MS = 30_000;
const TOUCH_MS = 60_000;
const MAX_ENTRIES = 50_000;

type Entry = { user: TokenUser; at: number; touchedAt: number };

class TokenCache {
  private readonly byHash = new Map<string, Entry>();
  private readonly hashesOf = new Map<number, Set<string>>();
  private watching = false;

  get(hash: string): Entry | undefined {
    this.watch();
    const entry = this.byHash.get(hash);
    if (entry && Date.now() - entry.at < FRESH_MS) return entry;
    if (entry) this.forgetHash(hash);
    return undefined;
  }

  set(hash: string, user: TokenUser, touchedAt: number) {
    if (this.byHash.size >= MAX_ENTRIES) this.clear();
    this.byHash.set(hash, { user, at: Date.now(), touchedAt });
    let hashes = this.hashesOf.get(user.id);
    if (!hashes) {
      hashes = new Set();
      this.hashesOf.set(user.id, hashes);
    }
    hashes.add(hash);
  }

  forgetHash(hash: string) {
    const entry = this.byHash.get(hash);
    if (!entry) return;
    this.byHash.delete(hash);
    this.hashesOf.get(entry.user.id)?.delete(hash);
  }

  forgetUser(...userIds: number[]) {
    for (const userId of userIds) {
      for (const hash of this.hashesOf.get(userId) ?? []) this.byHash.delete(hash);
      this.hashesOf.delete(userId);
    }
  }

  clear() {
    this.byHash.clear();
    this.hashesOf.clear();
  }

  private watch() {
    if (this.watching) return;
    this.watching = true;
    const bus = eventBus();
    bus.subscribe((event) => {
      if (event.type === "revoked") this.forgetUser(event.userId);
    });
    bus.onReconnect(() => this.clear());
  }
}

const tokenCache = processSingleton("apiTokenCache", () => new TokenCache());

/**
 * The user of a live token (not revoked, used within TOKEN_IDLE_DAYS): from this instance's cache when fresh, else one indexed
 * lookup through the driver. `fresh: true` always asks the database (a stream deciding whether
 * its token was just revoked).
 */
export async function userOfToken(token: string, { fresh = false }: { fresh?: boolean } = {}): Promise<TokenUser | null> {
  const hash = hashToken(token);
  const cached = fresh ? undefined : tokenCache.get(hash);
  if (cached) {
    if (Date.now() - cached.touchedAt >= TOUCH_MS) touch(hash, cached);
    return cached.user;
  }
  const { rows } = await dbPool().query<TokenUser & { usedAt: Date | null }>({
    text: `SELECT u.id, u.name, u.email, u.role, t.last_used_at AS "usedAt" FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND coalesce(t.last_used_at, t.created_at) > now() - make_interval(days => $2)`,
    values: [hash, TOKEN_IDLE_DAYS],
  });
  const row = rows[0];
  if (!row) {
    tokenCache.forgetHash(hash);
    return null;
  }
  const user: TokenUser = { id: row.id, name: row.name, email: row.email, role: row.role };
  const usedAt = row.usedAt?.getTime() ?? 0;
  tokenCache.set(hash, user, usedAt);
  if (Date.now() - usedAt >= TOUCH_MS) touch(hash, tokenCache.get(hash));
  return user;
}

/** Notes that the token was used (at most once a minute per token and instance); never waited on. */
function touch(hash: string, entry: Entry | undefined) {
  if (entry) entry.touchedAt = Date.now();
  dbPool()
    .query({ text: `UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, values: [hash] })
    .catch((error: unknown) => console.error("api token last_used_at not written", error));
}
