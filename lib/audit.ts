import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Records a destructive, bulk or settings change, inside the transaction that makes it. */
export async function audit(
  tx: Tx,
  entry: { actorId: number; action: string; targetType: string; targetId?: string | number; details?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      details: entry.details ?? {},
    },
  });
}
