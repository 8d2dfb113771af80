import { sharedSignInThrottle as throttle } from "@/lib/auth/shared-sign-in-throttle";
import { ACCOUNT_RULE } from "@/lib/auth/sign-in-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { apiRoute, bearerToken, jsonBody, rateLimited } from "@/lib/api/route";
import { apiError } from "@/lib/api/errors";
import { tokenRequestSchema } from "@/lib/api/schemas";
import { issueToken, revokeToken } from "@/lib/api/tokens";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

/** Signs a customer or vendor in: email and password in, a bearer token out. */
export const POST = apiRoute(async (request: Request) => {
  const { email, password } = await jsonBody(request, tokenRequestSchema);
  const key = `account:${email}`;
  if ((await throttle.lockedFor(key)) > 0) rateLimited();
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    await throttle.recordFailure(key, ACCOUNT_RULE);
    return apiError(request, 401, "unauthorized");
  }
  await throttle.recordSuccess(key);
  if (!can(user.role, "chat.participate")) return apiError(request, 403, "forbidden");
  return Response.json({ token: await issueToken(user.id), user: { id: user.id, name: user.name, role: user.role } }, { status: 201 });
});

/** Revokes the token that makes the request. */
export const DELETE = apiRoute(async (request: Request) => {
  const token = bearerToken(request);
  if (!token) return apiError(request, 401, "unauthorized");
  await revokeToken(token);
  return new Response(null, { status: 204 });
});
