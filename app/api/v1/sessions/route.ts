import { answerOncePerKey, apiRoute, chatUser, jsonBody } from "@/lib/api/route";
import { startSessionSchema } from "@/lib/api/schemas";
import { listMySessions } from "@/lib/participant-chat/my-sessions";
import { startSessionAboutProduct, startSessionIn } from "@/lib/participant-chat/start-session";
import { apiError } from "@/lib/api/errors";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

/** My sessions, newest activity first, with what is unread for me. */
export const GET = apiRoute(async (request: Request) => {
  const user = await chatUser(request);
  return Response.json({ sessions: await listMySessions(user.id) });
});

/** Start (or return to) a conversation about a product with its vendor. Customers only. Honours Idempotency-Key. */
export const POST = apiRoute(async (request: Request) => {
  const user = await chatUser(request);
  if (!can(user.role, "chat.start")) return apiError(request, 403, "forbidden");
  const { productId } = await jsonBody(request, startSessionSchema);
  const once = await answerOncePerKey(request, user.id, "POST /api/v1/sessions", { productId }, async (tx) => {
    const { session, announce } = await startSessionIn(tx, user.id, productId);
    return { status: session.created ? 201 : 200, body: session, after: announce };
  });
  if (once) return once;
  const session = await startSessionAboutProduct(user.id, productId);
  return Response.json(session, { status: session.created ? 201 : 200 });
});
