import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hotApiRoutes } from "@/lib/http/hot-api-routes";

// The hot lane of scripts/serve.ts over a real socket, with stand-ins for the build's route
// modules (the shape Next's build gives them: routeModule.ensureUserland() and .userland). The
// real modules, against Next's router, are compared in tests/integration/two-instances.test.ts.
const seen = globalThis as { hotRouteSeen?: { streamAborted: boolean } };

const SEND_MODULE = `module.exports = { routeModule: { async ensureUserland() {}, userland: { POST: async (request, { params }) => {
  const text = JSON.stringify({ id: (await params).id, body: await request.text(), url: request.url, language: request.headers.get("accept-language") });
  return new Response(text, { status: 201, headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) } });
} } } };`;

const EVENTS_MODULE = `module.exports = { routeModule: { async ensureUserland() {}, userland: { GET: async (request) => {
  globalThis.hotRouteSeen = { streamAborted: false };
  request.signal.addEventListener("abort", () => { globalThis.hotRouteSeen.streamAborted = true; });
  return new Response(new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode("data: first\\n\\n")); } }),
    { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" } });
} } } };`;

let distDir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), "hot-routes-"));
  for (const [page, source] of [["api/v1/sessions/[id]/messages", SEND_MODULE], ["api/v1/events", EVENTS_MODULE]] as const) {
    mkdirSync(join(distDir, "server", "app", page), { recursive: true });
    writeFileSync(join(distDir, "server", "app", page, "route.js"), source);
  }
  const answer = await hotApiRoutes(distDir);
  // What the hot lane leaves alone, "Next" answers here with a 418.
  server = createServer((request, response) => void (answer(request, response) || response.writeHead(418).end("next")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
});

describe("the hot API routes", () => {
  it("hand a send to its handler with the decoded id, the body, the URL and the headers, and add the security headers", async () => {
    const response = await fetch(`${base}/api/v1/sessions/%31%32/messages?x=1`, { method: "POST", body: "سلام", headers: { "accept-language": "ar" } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "12", body: "سلام", url: `${base}/api/v1/sessions/%31%32/messages?x=1`, language: "ar" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("leave everything else to Next: other paths and methods, a trailing slash, an id that does not decode", async () => {
    for (const [method, path] of [["GET", "/api/v1/config"], ["GET", "/api/v1/sessions/12/messages"], ["POST", "/api/v1/sessions/12/messages/"], ["POST", "/api/v1/sessions/%ZZ/messages"], ["POST", "/api/v1/events"]]) {
      const response = await fetch(`${base}${path}`, { method });
      expect({ path, status: response.status, text: await response.text() }).toEqual({ path, status: 418, text: "next" });
    }
  });

  it("stream an event stream as it comes, and abort the handler's request when the client leaves", async () => {
    const leave = new AbortController();
    const response = await fetch(`${base}/api/v1/events`, { signal: leave.signal });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("content-encoding")).toBeNull();
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: first\n\n");
    expect(seen.hotRouteSeen?.streamAborted).toBe(false);
    leave.abort();
    await vi.waitFor(() => expect(seen.hotRouteSeen?.streamAborted).toBe(true));
  });

  it("when the build has no route modules of that shape, say so and leave every request to Next", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = await hotApiRoutes(join(distDir, "missing"));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Hot API routes unavailable"));
    warn.mockRestore();
    expect(answer({ method: "GET", url: "/api/v1/events" } as never, {} as never)).toBe(false);
  });
});
