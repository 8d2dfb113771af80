import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitOf, whenBodyWithinLimit } from "@/lib/http/body-limit";
import { MAX_BODY } from "@/lib/chat-sessions/messages/message-schema";
import { chunkedBody, declaredBody } from "../support/oversize-body";

// whenBodyWithinLimit as scripts/serve.ts runs it, over a real socket, in front of an "app" that
// reads the whole body as Next's route handlers do (a Web stream of the request) and says how much it got.
let server: Server;
let base: string;
let appCalls = 0;

beforeAll(async () => {
  server = createServer((request, response) =>
    whenBodyWithinLimit(request, response, () => {
      appCalls += 1;
      const stream = Readable.toWeb(request) as ReadableStream<Uint8Array>;
      void new Response(stream).arrayBuffer().then((bytes) => response.end(`read ${bytes.byteLength}`));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections(); // the declared 100 MB never come: those would linger 5 s
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("request bodies are capped before the app reads them (413)", () => {
  it("limits by route: the API and sign-in 16 KB, pages' server actions 128 KB, which holds the largest message a form can send", () => {
    expect(bodyLimitOf("/api/v1/tokens")).toBe(16 * 1024);
    expect(bodyLimitOf("/api/auth/callback/credentials")).toBe(16 * 1024);
    expect(bodyLimitOf("/chat-sessions/7/edit")).toBe(128 * 1024);
    // a message of the most characters, each JSON-escaped (6 bytes), in a server action's arguments
    expect(JSON.stringify([{ sessionId: 1, senderId: 1, body: "\u0001".repeat(MAX_BODY) }]).length).toBeLessThan(bodyLimitOf("/chat-sessions/7/edit"));
  });

  it("a declared length over the limit is refused at once, in the caller's language, on sign-in, a server action and the API", async () => {
    appCalls = 0;
    const signIn = await declaredBody(`${base}/api/auth/callback/credentials`, 100 * 1024 * 1024, { cookie: "locale=en" });
    expect(signIn).toEqual({ status: 413, type: "text/plain; charset=utf-8", text: "The request body is too large." });
    const action = await declaredBody(`${base}/chat-sessions/7/edit`, 100 * 1024 * 1024, { "next-action": "7f3a" });
    expect(action).toMatchObject({ status: 413, text: "نص الطلب أكبر من المسموح." });
    const api = await declaredBody(`${base}/api/v1/tokens?lang=en`, 17 * 1024);
    expect(api).toEqual({ status: 413, type: "application/json", text: JSON.stringify({ error: { code: "too_large", message: "The request body is too large." } }) });
    // a client that sends all of an oversize body it declared reads the answer, not a broken pipe
    for (let i = 0; i < 10; i += 1) {
      const sent = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", body: "a".repeat(200 * 1024) });
      expect(sent.status).toBe(413);
    }
    expect(appCalls).toBe(0);
  });

  it("a chunked body with no declared length is refused as soon as it passes the limit; the app never sees the request", async () => {
    appCalls = 0;
    const targets = [["/api/auth/callback/credentials", 16 * 1024], ["/chat-sessions/7/edit", 128 * 1024], ["/api/v1/tokens", 16 * 1024]] as const;
    // several times over: the client, still sending, must read the answer every time, never a broken pipe
    for (const [path, limit] of [...targets, ...targets, ...targets, ...targets]) {
      const response = await fetch(`${base}${path}`, chunkedBody(limit + 50 * 1024));
      expect(response.status, path).toBe(413);
      expect(await response.text()).toContain(path.startsWith("/api/v1/") ? '"code":"too_large"' : "نص الطلب أكبر من المسموح.");
    }
    expect(appCalls).toBe(0);
  });

  it("bodies within the limit reach the app whole, declared or chunked", async () => {
    const exact = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", body: "a".repeat(16 * 1024) });
    expect([exact.status, await exact.text()]).toEqual([200, `read ${16 * 1024}`]);
    const streamed = await fetch(`${base}/chat-sessions/7/edit`, chunkedBody(100 * 1024));
    expect([streamed.status, await streamed.text()]).toEqual([200, `read ${100 * 1024}`]);
    const none = await fetch(`${base}/chat-sessions`, { method: "POST" });
    expect([none.status, await none.text()]).toEqual([200, "read 0"]);
  });
});
