import { getCurrentUser, getSessionClaims } from "@/lib/auth/current-user";
import { userOfSession } from "@/lib/auth/session-validity";
import { translatorFor, getLocale } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { SSE_HEADERS, eventStream, lastEventIdOf } from "@/lib/realtime/sse";
import { present } from "@/lib/present";

export const dynamic = "force-dynamic";

/** Live updates for the signed-in web user: the admin screens and the participants' chat. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  const staff = user ? can(user.role, "chatSessions.view") : false;
  if (!user || (!staff && !can(user.role, "chat.participate"))) {
    const t = translatorFor(await getLocale(), "common");
    return new Response(t("forbidden"), { status: user ? 403 : 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // Ends when this session does (signed out, password reset, deleted…: a `revoked` event for the user).
  const claims = present(await getSessionClaims(), "the signed-in user's session claims");
  const sessionEnded = async () => !(await userOfSession(claims));
  return new Response(eventStream({ userId: user.id, staff }, lastEventIdOf(request), request.signal, sessionEnded), { headers: SSE_HEADERS });
}
