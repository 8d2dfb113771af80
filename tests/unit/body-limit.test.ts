import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitOf, capRequestBody } from "@/lib/http/body-limit";
import { MAX_BODY } from "@/lib/messages/message-schema";

// capRequestBody as scripts/serve.ts runs it, over a real socket, in front of an "app" that reads
// the whole body as Next's route handlers do (a Web stream of the request) and says how much it got.
let server: Server;
let base: string;
const received: number[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!capRequestBody(request, response)) return;
    const stream = Readable.toWeb(request) as ReadableStream<Uint8Array>;
    new Response(stream)
      .arrayBuffer()
      .then((bytes) => {
        received.push(bytes.byteLength);
        response.end(`read ${bytes.byteLength}`);
      })
      .catch(() => received.push(-1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A body in 1 KB chunks with no declared length (Transfer-Encoding: chunked). */
function chunked(bytes: number): RequestInit {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(new Uint8Array(Math.min(1024, bytes - sent)).fill(0x61));
      sent += 1024;
    },
  });
  return { method: "POST", body, duplex: "half" } as RequestInit;
}

/** Declares a huge length, sends a few bytes, and reads what comes back (no client sends 100 MB here). */
function declared(path: string, length: number, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method: "POST", headers: { ...headers, "content-length": String(length) } }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, type: String(response.headers["content-type"]), text }));
    });
    request.on("error", reject);
    request.write("a".repeat(1024));
  });
}

describe("request bodies are capped before the app reads them (413)", () => {
  it("limits by route: the API and sign-in 16 KB, pages' server actions 128 KB, which holds the largest message a form can send", () => {
    expect(bodyLimitOf("/api/v1/tokens")).toBe(16 * 1024);
    expect(bodyLimitOf("/api/auth/callback/credentials")).toBe(16 * 1024);
    expect(bodyLimitOf("/chat-sessions/7/edit")).toBe(128 * 1024);
    // a message of the most characters, each JSON-escaped (6 bytes), in a server action's arguments
    expect(JSON.stringify([{ sessionId: 1, senderId: 1, body: "\u0001".repeat(MAX_BODY) }]).length).toBeLessThan(bodyLimitOf("/chat-sessions/7/edit"));
  });

  it("a declared length over the limit is refused at once, in the caller's language, on sign-in, a server action and the API", async () => {
    const signIn = await declared("/api/auth/callback/credentials", 100 * 1024 * 1024, { cookie: "locale=en" });
    expect(signIn).toEqual({ status: 413, type: "text/plain; charset=utf-8", text: "The request body is too large." });
    const action = await declared("/chat-sessions/7/edit", 100 * 1024 * 1024, { "next-action": "7f3a" });
    expect(action).toMatchObject({ status: 413, text: "نص الطلب أكبر من المسموح." });
    const api = await declared("/api/v1/tokens?lang=en", 17 * 1024);
    expect(api).toEqual({ status: 413, type: "application/json", text: JSON.stringify({ error: { code: "too_large", message: "The request body is too large." } }) });
  });

  it("a chunked body with no declared length is refused as soon as it passes the limit; the app never gets more than the limit", async () => {
    received.length = 0;
    for (const [path, limit] of [["/api/auth/callback/credentials", 16 * 1024], ["/chat-sessions/7/edit", 128 * 1024], ["/api/v1/tokens", 16 * 1024]] as const) {
      const response = await fetch(`${base}${path}`, chunked(limit + 50 * 1024));
      expect(response.status, path).toBe(413);
      expect(await response.text()).toContain(path.startsWith("/api/v1/") ? '"code":"too_large"' : "نص الطلب أكبر من المسموح.");
    }
    // what the app did receive, it received as a broken stream, never a whole body
    await expect.poll(() => received).toEqual([-1, -1, -1]);
  });

  it("bodies within the limit reach the app whole, declared or chunked", async () => {
    const exact = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", body: "a".repeat(16 * 1024) });
    expect([exact.status, await exact.text()]).toEqual([200, `read ${16 * 1024}`]);
    const streamed = await fetch(`${base}/chat-sessions/7/edit`, chunked(100 * 1024));
    expect([streamed.status, await streamed.text()]).toEqual([200, `read ${100 * 1024}`]);
    const none = await fetch(`${base}/chat-sessions`, { method: "POST" });
    expect([none.status, await none.text()]).toEqual([200, "read 0"]);
  });
});
