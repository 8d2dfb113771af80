import { apiRoute, bearerToken, chatUser } from "@/lib/api/route";
import { userOfToken } from "@/lib/api/tokens";
import { SSE_HEADERS, eventStream, lastEventIdOf } from "@/lib/realtime/sse";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";
import { present } from "@/lib/present";

export const dynamic = "force-dynamic";

/**
 * My events as server-sent events; reconnect with Last-Event-ID to get exactly what was missed.
 * When an admin turns chat off (SET-1) the stream ends, and reconnecting answers 403 chat_disabled;
 * when its token is revoked it ends too (reconnecting: 401).
 */
export const GET = apiRoute(async (request: Request) => {
  const user = await chatUser(request);
  const token = present(bearerToken(request), "the bearer token chatUser accepted");
  const shouldEnd = async () => !(await isMobileChatEnabled()) || !(await userOfToken(token, { fresh: true }));
  return new Response(eventStream({ userId: user.id, staff: false }, lastEventIdOf(request), request.signal, shouldEnd), { headers: SSE_HEADERS });
});
