import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logFormat, routeConsoleToLogger, scrubbed } from "@/lib/observability/logger";
import { routePatternOf } from "@/lib/http/route-pattern";

const SECRETS = { password: "demo-password", token: "AbCdEfGhIjKlMnOpQrStUvWxYz012345", body: "a private message about my order" };

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger(sink, "json"), lines };
}

function expectNoSecret(lines: string[]) {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) for (const secret of Object.values(SECRETS)) expect(line).not.toContain(secret);
}

describe("log redaction: no passwords, tokens, cookies or message bodies", () => {
  it("censors fields of those names at any of the first three levels", () => {
    const { log, lines } = capturingLogger();
    log.info({ password: SECRETS.password, token: SECRETS.token, body: SECRETS.body, cookie: `next-auth.session-token=${SECRETS.token}` }, "top level");
    log.info({ request: { headers: { authorization: `Bearer ${SECRETS.token}`, cookie: "x", "set-cookie": "y" }, body: SECRETS.body } }, "nested");
    log.info({ input: { message: { body: SECRETS.body, password: SECRETS.password } } }, "deeper");
    expectNoSecret(lines);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ password: "[redacted]", token: "[redacted]", body: "[redacted]", cookie: "[redacted]", msg: "top level" });
    const second = JSON.parse(lines[1]!) as { request: { headers: Record<string, string> } };
    expect(second.request.headers).toEqual({ authorization: "[redacted]", cookie: "[redacted]", "set-cookie": "[redacted]" });
  });

  it("keeps an error's type, code and first line, scrubbed; not the arguments Prisma lists after it", () => {
    const { log, lines } = capturingLogger();
    const error = Object.assign(new Error(`Invalid \`prisma.chatMessage.create()\` invocation:\n\n{ data: { body: "${SECRETS.body}" } }`), { code: "P2003" });
    log.error({ err: error }, "send failed");
    log.error({ err: new Error(`upstream said: Authorization: Bearer ${SECRETS.token}`) }, "call failed");
    expectNoSecret(lines);
    const entry = JSON.parse(lines[0]!) as { err: { type: string; code: string; message: string; stack: string } };
    expect(entry.err).toMatchObject({ type: "Error", code: "P2003", message: "Invalid `prisma.chatMessage.create()` invocation:" });
    expect(entry.err.stack).toMatch(/^\s+at /);
  });

  it("scrubs messages themselves: bearer tokens, password=… and quoted assignments", () => {
    expect(scrubbed(`GET with Bearer ${SECRETS.token} failed`)).toBe("GET with Bearer [redacted] failed");
    expect(scrubbed(`login password=${SECRETS.password}&next=/`)).toBe("login password=[redacted]&next=/");
    expect(scrubbed(`{ body: '${SECRETS.body}', id: 3 }`)).toBe(`{ body: "[redacted]", id: 3 }`);
    expect(scrubbed(`first line\n${SECRETS.body}`)).toBe("first line");
  });

  it("console output goes through the logger, scrubbed", () => {
    const { log, lines } = capturingLogger();
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    try {
      routeConsoleToLogger(log);
      console.error("request failed", new Error(`bad\n{ body: "${SECRETS.body}" }`));
      console.log({ password: SECRETS.password, body: SECRETS.body });
    } finally {
      Object.assign(console, saved);
    }
    expectNoSecret(lines);
    expect(lines.map((line) => (JSON.parse(line) as { level: number }).level)).toEqual([50, 30]);
  });

  it("human-readable in a terminal, JSON otherwise, unless LOG_FORMAT says", () => {
    expect(logFormat({}, true)).toBe("pretty");
    expect(logFormat({}, false)).toBe("json");
    expect(logFormat({ LOG_FORMAT: "json" }, true)).toBe("json");
    expect(logFormat({ LOG_FORMAT: "pretty" }, false)).toBe("pretty");
  });
});

describe("route patterns for log lines and metrics", () => {
  it("names the page or handler, never the ids or the query", () => {
    expect(routePatternOf("/chat-sessions/42/edit?q=secret")).toBe("/chat-sessions/[id]/edit");
    expect(routePatternOf("/chat/notifications")).toBe("/chat/notifications");
    expect(routePatternOf("/chat/17")).toBe("/chat/[id]");
    expect(routePatternOf("/api/v1/sessions/9/messages?before=3")).toBe("/api/v1/sessions/[id]/messages");
    expect(routePatternOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routePatternOf("/_next/static/chunks/app.js")).toBe("/_next/static/*");
    expect(routePatternOf("/wp-admin/../../etc/passwd")).toBe("unmatched");
    expect(routePatternOf("/")).toBe("/");
  });
});
