import "server-only";
import { announceRevoked } from "@/lib/api/tokens";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, queryRows } from "@/lib/db";
import type { CurrentUser } from "./current-user";

// A web session is next-auth's JWT cookie, which the server cannot take back. So the cookie
// carries `sid`, a random id given at sign-in and kept through every re-encoding, and `epoch`, the
// user's session_epoch at sign-in. It counts while the user exists, their epoch is unchanged, and
// its sid was not signed out (revoked_sessions): all checked in the one query by which every
// request already re-reads the user, so ending sessions costs no extra round trip.
//
// Two ways to end, because "sign out" must end THAT session only (the user's other browsers stay
// signed in), while a password reset, a role change and "sign out everywhere" must end all of
// them, and tokens too, without knowing their ids.

export type SessionClaims = { userId: number; sid: string; epoch: number };

/** The user of a web session that still counts, or null (every request asks: the driver's own read, without Prisma's ~0.2 ms a query). */
export async function userOfSession(claims: SessionClaims): Promise<CurrentUser | null> {
  const rows = await queryRows<CurrentUser>(Prisma.sql`
    SELECT id, name, email, role FROM users
     WHERE id = ${claims.userId} AND session_epoch = ${claims.epoch}
       AND NOT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = ${claims.sid})`);
  return rows[0] ?? null;
}

/**
 * Sign-out: this session's cookie, even a copy, is refused until it would have expired (then its
 * row is pruned, by the next sign-out). Its open event streams end.
 */
export async function endSession(claims: SessionClaims, expiresAt: Date): Promise<void> {
  await db.$transaction([
    db.$executeRaw`DELETE FROM revoked_sessions WHERE expires_at < now()`,
    db.$executeRaw`INSERT INTO revoked_sessions (session_id, expires_at) VALUES (${claims.sid}, ${expiresAt}) ON CONFLICT DO NOTHING`,
  ]);
  await announceRevoked([claims.userId]);
}

/**
 * Ends every web session and API token of the users, inside the caller's transaction. After it
 * commits, call `announceRevoked(userIds)` so that every instance drops its cached tokens and
 * closes the users' open streams.
 */
export async function endEverySession(tx: Prisma.TransactionClient, userIds: number[]): Promise<void> {
  await tx.$executeRaw`UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ANY(${userIds})`;
  await tx.$executeRaw`UPDATE api_tokens SET revoked_at = now() WHERE user_id = ANY(${userIds}) AND revoked_at IS NULL`;
}
