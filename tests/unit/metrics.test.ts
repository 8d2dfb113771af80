import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedSignInThrottle, ACCOUNT_RULE } from "@/lib/auth/sign-in-throttle";
import { exportResponse } from "@/lib/export/response";
import { answeredByMetrics, recordRequestMetrics } from "@/lib/http/metrics-endpoint";
import { withRequestLog } from "@/lib/http/request-log";
import { createLogger } from "@/lib/observability/logger";
import { countSignInFailure, freshMetrics, metrics, statusClass } from "@/lib/observability/metrics";
import { Writable } from "node:stream";

/** The value of one sample in Prometheus' text format (undefined when absent). */
function sample(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((row) => row.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("GET /metrics and the request histogram (through the server's own request wrapper)", () => {
  const registry = freshMetrics();
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Request lines go to a sink: this test is about the metrics.
    (globalThis as Record<symbol, unknown>)[Symbol.for("marketplace-admin.logger")] = createLogger(new Writable({ write: (_c, _e, done) => done() }), "json");
    recordRequestMetrics(registry);
    server = createServer((request, response) =>
      withRequestLog(request, response, () => {
        if (answeredByMetrics(request, response, request.headers["x-test-unset"] ? undefined : "s3cret-token", registry)) return;
        response.writeHead(request.url?.startsWith("/chat/") ? 201 : 404).end();
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is 404 when METRICS_TOKEN is unset, 401 with a missing or wrong token, the text format with the right one", async () => {
    expect((await fetch(`${url}/metrics`, { headers: { "x-test-unset": "1", authorization: "Bearer s3cret-token" } })).status).toBe(404);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer s3cret-tokex" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    const right = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer s3cret-token" } });
    expect(right.status).toBe(200);
    expect(right.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await right.text()).toContain("# TYPE http_request_duration_seconds histogram");
  });

  it("counts requests by route pattern and status class, never by raw URL", async () => {
    for (const id of [1, 2, 3]) await fetch(`${url}/chat/${id}?q=private`);
    await fetch(`${url}/nowhere/at/all`);
    const text = await registry.registry.metrics();
    expect(sample(text, "http_request_duration_seconds_count", 'route="/chat/[id]",method="GET",status_class="2xx"')).toBe(3);
    expect(sample(text, "http_request_duration_seconds_count", 'route="unmatched",method="GET",status_class="4xx"')).toBe(1);
    expect(text).not.toContain("private");
    expect(text).not.toMatch(/route="\/chat\/\d/);
  });

  it("the process: resident memory, V8's heap and what lies outside it", async () => {
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: "Bearer s3cret-token" } })).text();
    for (const name of ["process_resident_memory_bytes", "nodejs_heap_size_total_bytes", "nodejs_heap_size_used_bytes", "nodejs_external_memory_bytes"]) {
      expect(sample(text, name), name).toBeGreaterThan(0);
    }
    expect(sample(text, "nodejs_heap_size_used_bytes")).toBeLessThanOrEqual(sample(text, "nodejs_heap_size_total_bytes")!);
  });

  it("status classes", () => {
    expect([200, 201, 304, 404, 503, 0].map(statusClass)).toEqual(["2xx", "2xx", "3xx", "4xx", "5xx", "other"]);
  });
});

describe("the app's metrics", () => {
  it("database pool: in use, idle and waiting, summed over the process's pools", async () => {
    const registry = freshMetrics();
    registry.pools.push({ totalCount: 5, idleCount: 2, waitingCount: 4 }, { totalCount: 1, idleCount: 1, waitingCount: 0 });
    const text = await registry.registry.metrics();
    expect(sample(text, "db_pool_connections", 'state="in_use"')).toBe(3);
    expect(sample(text, "db_pool_connections", 'state="idle"')).toBe(3);
    expect(sample(text, "db_pool_connections", 'state="waiting"')).toBe(4);
  });

  it("exports: rows and a duration per finished export, by format", async () => {
    const before = sample(await metrics().registry.metrics(), "export_rows_total", 'format="csv"') ?? 0;
    async function* rows() {
      yield [{ id: 1 }, { id: 2 }];
      yield [{ id: 3 }];
    }
    const ends: unknown[] = [];
    const response = exportResponse({ format: "csv", name: "t", columns: [{ header: "id", value: (row: { id: number }) => row.id }] as never, rows: rows(), rightToLeft: false, onEnd: async (end) => void ends.push(end) });
    await response.text();
    expect(ends).toEqual([{ rows: 3, completed: true }]);
    const text = await metrics().registry.metrics();
    expect(sample(text, "export_rows_total", 'format="csv"')).toBe(before + 3);
    expect(sample(text, "export_duration_seconds_count", 'format="csv",completed="true"')).toBeGreaterThanOrEqual(1);
  });

  it("sign-in failures by scope, and the lock a failure starts", async () => {
    const read = async (name: string) => sample(await metrics().registry.metrics(), name, 'scope="account"') ?? 0;
    const [failures, lockouts] = [await read("sign_in_failures_total"), await read("sign_in_lockouts_total")];
    let lockMs: string | null = null;
    const throttle = new SharedSignInThrottle(() => ({ query: async () => ({ rows: [{ ms: lockMs }], rowCount: 0 }) }) as never, undefined, countSignInFailure);
    await throttle.recordFailure("account:a@b.test", ACCOUNT_RULE);
    lockMs = String(ACCOUNT_RULE.lockMs);
    await throttle.recordFailure("account:a@b.test", ACCOUNT_RULE);
    expect(await read("sign_in_failures_total")).toBe(failures + 2);
    expect(await read("sign_in_lockouts_total")).toBe(lockouts + 1);
  });
});
