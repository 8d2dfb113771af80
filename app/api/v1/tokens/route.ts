import { checkSignIn } from "@/lib/auth/sign-in";
import { apiRoute, bearerToken, jsonBody, rateLimited } from "@/lib/api/route";
import { apiError } from "@/lib/api/errors";
import { tokenRequestSchema } from "@/lib/api/schemas";
import { issueToken, revokeToken } from "@/lib/api/tokens";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

/** Signs a customer or vendor in: email and password in, a bearer token out. */
export const POST = apiRoute(async (request: Request) => {
  const { email, password } = await jsonBody(request, tokenRequestSchema);
  // Staff are refused as a wrong password is: the answer never says a password was right.
  const outcome = await checkSignIn(email, password, (role) => can(role, "chat.participate"));
  if (outcome.kind === "locked") rateLimited();
  if (outcome.kind === "refused") return apiError(request, 401, "unauthorized");
  const { user } = outcome;
  return Response.json({ token: await issueToken(user.id), user: { id: user.id, name: user.name, role: user.role } }, { status: 201 });
});

/** Revokes the token that makes the request. */
export const DELETE = apiRoute(async (request: Request) => {
  const token = bearerToken(request);
  if (!token) return apiError(request, 401, "unauthorized");
  await revokeToken(token);
  return new Response(null, { status: 204 });
});
