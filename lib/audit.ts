import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Where an entry is written: the transaction of the change it records, or `db` for what stands alone (an export). */
type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

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

/**
 * The one writer of the audit log: records a change staff made (sessions, messages, users,
 * settings, exports). A change passes its transaction, so the entry commits with it or not at all.
 */
export async function audit(
  tx: AuditWriter,
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
