import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when this instance can serve (degraded: with the reason), else 503 with the reason (a code, nothing about the host). */
export async function GET(): Promise<Response> {
  const state = await readiness();
  const headers = { "cache-control": "no-store" };
  if (state.ready && state.degraded) return Response.json({ status: "degraded", reason: state.degraded }, { headers });
  if (state.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "not_ready", reason: state.reason }, { status: 503, headers: { ...headers, "retry-after": "5" } });
}
