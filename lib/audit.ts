import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * The value with NUL characters dropped from every string in it: a jsonb column cannot hold
 * `\u0000`, and audit details often carry what a user typed (a search, a name).
 */
export function jsonSafe<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "") as T;
  if (Array.isArray(value)) return value.map(jsonSafe) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [jsonSafe(key), jsonSafe(item)])) as T;
  }
  return value;
}

/** Records a change staff made (sessions, messages, users, settings, exports), inside the transaction that makes it. */
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
      details: jsonSafe(entry.details ?? {}),
    },
  });
}
