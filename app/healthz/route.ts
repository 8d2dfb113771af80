export const dynamic = "force-dynamic";

/** Liveness: the process answers. No database call, no session, nothing about the host or versions. */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
