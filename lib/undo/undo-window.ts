import "server-only";
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
    INSERT INTO undo_actions (actor_id, kind, expires_at) VALUES (${actorId}, ${kind}, now() + make_interval(secs => ${KEPT_SECONDS}))
    RETURNING token::text`;
  return row!.token;
}

/** Drops an undo that recorded nothing (the action changed nothing): there is nothing to offer. */
export async function discardUndo(tx: Tx, token: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM undo_actions WHERE token = ${token}::uuid`;
}
