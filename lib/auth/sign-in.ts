import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { requestClientAddress } from "@/lib/http/client-address";
import { verifyPassword } from "./password";
import { sharedSignInThrottle as throttle } from "./shared-sign-in-throttle";
import { ACCOUNT_RULE, ADDRESS_RULE } from "./sign-in-throttle";
import { present } from "@/lib/present";

export type SignInOutcome =
  | { kind: "signedIn"; user: { id: number; name: string; email: string; role: Role; sessionEpoch: number } }
  | { kind: "refused" }
  | { kind: "locked" };

/**
 * The one password check of both sign-ins, the panel's (next-auth) and the mobile app's
 * (POST /api/v1/tokens), under one throttle: per account, and per client address (the socket's,
 * or a trusted proxy's word: lib/http/forwarded.ts; none outside scripts/serve.ts). An account
 * that may not use this door (`mayUse`) is refused, and counted, exactly as a wrong password
 * is, so a right password shows nothing; an unknown e-mail costs the one scrypt a known one does.
 */
export async function checkSignIn(email: string, password: string, mayUse: (role: Role) => boolean): Promise<SignInOutcome> {
  const address = requestClientAddress();
  const keys = [{ key: `account:${email}`, rule: ACCOUNT_RULE }, ...(address ? [{ key: `address:${address}`, rule: ADDRESS_RULE }] : [])];
  for (const { key } of keys) if ((await throttle.lockedFor(key)) > 0) return { kind: "locked" };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true, passwordHash: true, sessionEpoch: true } });
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches || !mayUse(user.role)) {
    for (const { key, rule } of keys) await throttle.recordFailure(key, rule);
    return { kind: "refused" };
  }
  await throttle.recordSuccess(present(keys[0], "the account's throttle key").key);
  return { kind: "signedIn", user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionEpoch: user.sessionEpoch } };
}
