import "server-only";
import { present } from "@/lib/present";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** How long the toast offers Undo; the server keeps what to undo a little longer (a slow click). */
export const UNDO_SECONDS = 10;
const KEPT_SECONDS = UNDO_SECONDS + 20;

export type UndoKind = "read" | "assign";

/**
 * Opens an undoable action inside the transaction that makes the change: a token the client gets
 * back, and (by the caller) the exact rows the change touched. Expired actions go here too, so the
 * table holds only the last half minute's actions, however busy the panel is.
 */
export async function openUndo(tx: Tx, actorId: number, kind: UndoKind): Promise<string> {
  await tx.$executeRaw`DELETE FROM undo_actions WHERE expires_at < now()`;
  const [row] = await tx.$queryRaw<{ token: string }[]>`
    INSERT INTO undo_actions (actor_id, kind, expires_at) VALUES (${actorId}, ${kind}, clock_timestamp() + make_interval(secs => ${KEPT_SECONDS}))
    RETURNING token::text`;
  return present(row, "the new undo token").token;
}

/**
 * Ends the recording, last in the action's transaction: the window starts now, not when the
 * transaction began (a big selection may take longer than the window itself). An action that
 * changed nothing has nothing to offer: its record goes, and there is no token.
 */
export async function closeUndo(tx: Tx, token: string, changed: number): Promise<string | null> {
  if (changed === 0) {
    await tx.$executeRaw`DELETE FROM undo_actions WHERE token = ${token}::uuid`;
    return null;
  }
  await tx.$executeRaw`UPDATE undo_actions SET expires_at = clock_timestamp() + make_interval(secs => ${KEPT_SECONDS}) WHERE token = ${token}::uuid`;
  return token;
}
