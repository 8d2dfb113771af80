import { apiRoute, chatUser } from "@/lib/api/route";
import { SSE_HEADERS, eventStream, lastEventIdOf } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

/** My events as server-sent events; reconnect with Last-Event-ID to get exactly what was missed. */
export const GET = apiRoute(async (request: Request) => {
  const user = await chatUser(request);
  return new Response(eventStream({ userId: user.id, staff: false }, lastEventIdOf(request), request.signal), { headers: SSE_HEADERS });
});
