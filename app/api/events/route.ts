import { getCurrentUser } from "@/lib/auth/current-user";
import { translatorFor, getLocale } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { SSE_HEADERS, eventStream, lastEventIdOf } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

/** Live updates for the signed-in web user: the admin screens and the participants' chat. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  const staff = user ? can(user.role, "chatSessions.view") : false;
  if (!user || (!staff && !can(user.role, "chat.participate"))) {
    const t = translatorFor(await getLocale(), "common");
    return new Response(t("forbidden"), { status: user ? 403 : 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(eventStream({ userId: user.id, staff }, lastEventIdOf(request), request.signal), { headers: SSE_HEADERS });
}
