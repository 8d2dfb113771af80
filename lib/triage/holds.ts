import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** How long opening a session in triage mode holds it; the page renews it while the agent is on it. */
export const HOLD_MINUTES = 3;
/** How often the triage page renews its hold: well inside HOLD_MINUTES. */
export const RENEW_EVERY_MS = 60_000;

/**
 * Takes the session for this agent unless another agent's hold has not lapsed, and lets go of any
 * other session the agent held (they moved on). One statement for the take: of two agents racing
 * for a session, PostgreSQL's ON CONFLICT lets exactly one in, on any instance.
 */
export async function takeHold(sessionId: number, holderId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const taken = await tx.$queryRaw<{ session_id: number }[]>`
      INSERT INTO session_holds (session_id, holder_id, expires_at)
      SELECT id, ${holderId}, now() + make_interval(mins => ${HOLD_MINUTES}) FROM chat_sessions WHERE id = ${sessionId}
      ON CONFLICT (session_id) DO UPDATE SET holder_id = EXCLUDED.holder_id, expires_at = EXCLUDED.expires_at
       WHERE session_holds.expires_at <= now() OR session_holds.holder_id = EXCLUDED.holder_id
      RETURNING session_id`;
    if (taken.length === 0) return false;
    await tx.sessionHold.deleteMany({ where: { holderId, sessionId: { not: sessionId } } });
    return true;
  });
}

/** Keeps the agent's hold while they work on the session; false when it lapsed and someone else took it. */
export async function renewHold(sessionId: number, holderId: number): Promise<boolean> {
  const { count } = await db.sessionHold.updateMany({ where: { sessionId, holderId }, data: { expiresAt: new Date(Date.now() + HOLD_MINUTES * 60_000) } });
  return count > 0 || takeHold(sessionId, holderId);
}

/** The agent left triage mode: their hold goes. */
export async function releaseHolds(holderId: number): Promise<void> {
  await db.sessionHold.deleteMany({ where: { holderId } });
}

/** The condition "no other agent holds this session now", on a query over chat_sessions aliased `s`. */
export const notHeldByOthers = (holderId: number) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM session_holds h WHERE h.session_id = s.id AND h.expires_at > now() AND h.holder_id <> ${holderId})`;
