import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { noteRequestUser } from "@/lib/observability/request-context";
import { can, type Permission } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { decodeRemembered } from "./remembered-token";
import { userOfSession, type SessionClaims } from "./session-validity";

export type CurrentUser = { id: number; name: string; email: string; role: Role };

/** What the session cookie says about its session, or null (signed out, or a cookie from before sessions could end). */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  // next-auth's own reader of its cookie (chunks and the secure name included), which decrypts it
  // once: getServerSession would also re-encrypt it for a Set-Cookie that a page cannot send.
  // No headers: a session is the cookie, never an Authorization header.
  const jar = await cookies();
  const token = await getToken({ req: { cookies: Object.fromEntries(jar.getAll().map(({ name, value }) => [name, value])), headers: {} } as Parameters<typeof getToken>[0]["req"], decode: decodeRemembered });
  if (typeof token?.userId !== "number" || typeof token.sid !== "string" || typeof token.epoch !== "number") return null;
  return { userId: token.userId, sid: token.sid, epoch: token.epoch };
});

// The JWT says who signed in; the database says who they are now, so a removed user, a changed
// role or a session ended (signed out, password reset…) takes effect on the next request.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await userOfSession(claims);
  if (user) noteRequestUser(user.id);
  return user;
});

/**
 * For pages: strangers go to sign-in, customers and vendors to their chat; staff refused a page
 * stay at its URL and get the "no access" notice with 403 (inside the panel's shell: the
 * forbidden file of the route group).
 */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!can(user.role, permission)) {
    if (can(user.role, "chat.participate") && permission !== "chat.participate") redirect("/chat");
    forbidden();
  }
  return user;
}

export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
  }
}

/** For server actions and route handlers: throws, and the caller maps it to a typed result. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !can(user.role, permission)) throw new ForbiddenError();
  return user;
}
