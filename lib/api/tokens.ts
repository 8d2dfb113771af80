import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new bearer token for the user; only its hash is stored, so the database never holds one. */
export async function issueToken(userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.apiToken.create({ data: { userId, tokenHash: hashToken(token) } });
  return token;
}

export async function revokeToken(token: string): Promise<void> {
  await db.apiToken.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function userOfToken(token: string) {
  const found = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { revokedAt: true, user: { select: { id: true, name: true, email: true, role: true } } } });
  return found && !found.revokedAt ? found.user : null;
}
