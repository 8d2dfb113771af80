import { getCurrentUser } from "@/lib/auth/current-user";
import { plainError } from "@/lib/export/response";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { presenceHub } from "@/lib/presence/hub";
import { presenceQuerySchema, replyingSchema } from "@/lib/presence/presence-request";
import { SSE_HEADERS } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

/** A comment line now and then: a connection lost without a close is found (and its viewer gone) when the write fails. */
const HEARTBEAT_MS = 10_000;

async function staffOrRefusal() {
  const user = await getCurrentUser();
  if (user && can(user.role, "chatSessions.view")) return { user };
  const t = translatorFor(await getLocale(), "common");
  return { refusal: plainError(user ? 403 : 401, t("forbidden")) };
}

/**
 * Issue 20's presence, for one tab: who is on the watched sessions, pushed whenever it changes
 * (`event: presence`, a map of session id → viewers); the session the tab shows (`viewing`)
 * counts this user as looking until the stream closes.
 */
export async function GET(request: Request): Promise<Response> {
  const { user, refusal } = await staffOrRefusal();
  if (!user) return refusal;
  const url = new URL(request.url);
  const parsed = presenceQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return plainError(400, translatorFor(await getLocale(), "common")("invalidInput"));
  const { viewing, watch } = parsed.data;
  const hub = presenceHub();
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // As every event stream here opens (the hostile-input test knows a stream by it).
      send("retry: 3000\n: connected\n\n");
      const leave = viewing ? hub.view(viewing, { userId: user.id, name: user.name }) : () => {};
      const unwatch = hub.watch(viewing && !watch.includes(viewing) ? [viewing, ...watch] : watch, (snapshot) => send(`event: presence\ndata: ${JSON.stringify(snapshot)}\n\n`));
      const heartbeat = setInterval(() => send(": still here\n\n"), HEARTBEAT_MS);
      close = () => {
        clearInterval(heartbeat);
        unwatch();
        leave();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => close());
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

/** "I am typing a reply": the others on the session see "Sara is replying…" for a few seconds. */
export async function POST(request: Request): Promise<Response> {
  const { user, refusal } = await staffOrRefusal();
  if (!user) return refusal;
  // JSON only: a cross-site form cannot send that type without the browser asking first (CORS).
  const json = (request.headers.get("content-type") ?? "").startsWith("application/json");
  const parsed = replyingSchema.safeParse(json ? await request.json().catch(() => null) : null);
  if (!parsed.success) return plainError(400, translatorFor(await getLocale(), "common")("invalidInput"));
  presenceHub().replying(parsed.data.sessionId, { userId: user.id, name: user.name });
  return new Response(null, { status: 204 });
}
