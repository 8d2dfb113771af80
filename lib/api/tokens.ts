import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { publishEvent } from "@/lib/realtime/bus";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new bearer token for the user; only its hash is stored, so the database never holds one. */
export async function issueToken(userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.apiToken.create({ data: { userId, tokenHash: hashToken(token) } });
  return token;
}

/** Revokes the token; its open event streams end (on every instance). */
export async function revokeToken(token: string): Promise<void> {
  const revoked = await db.$queryRaw<{ userId: number }[]>`
    UPDATE api_tokens SET revoked_at = now() WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL RETURNING user_id AS "userId"`;
  for (const { userId } of revoked) await publishEvent({ type: "revoked", userId });
}

/** The user of a live (not revoked) token; one indexed lookup, on every API request. */
export async function userOfToken(token: string): Promise<{ id: number; name: string; email: string; role: Role } | null> {
  const [user] = await db.$queryRaw<{ id: number; name: string; email: string; role: Role }[]>`
    SELECT u.id, u.name, u.email, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ${hashToken(token)} AND t.revoked_at IS NULL`;
  return user ?? null;
}
