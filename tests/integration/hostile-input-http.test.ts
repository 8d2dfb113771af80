import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionsList } from "@/lib/chat-sessions/list";
import type { SortType } from "@/lib/list-engine/declaration";
import type { Role } from "@/lib/generated/prisma/enums";
import { catalogs } from "@/lib/i18n/catalogs";
import { PAGE_ACCESS, ROUTE_ACCESS, type Method } from "@/lib/route-permissions";
import { databaseFingerprint, insertToken, startHttpApp, type HttpApp } from "../support/http-app";
import { parseListState } from "@/lib/list-engine/url-state";
import { encodeCursor } from "@/lib/list-engine/cursor";

const SORT_KEYS = Object.keys(sessionsList.sorts) as (keyof typeof sessionsList.sorts)[];

// Random and hostile input thrown at every /api/v1 endpoint and every page's URL over HTTP,
// against the built app: the answer is a 4xx in the API's one localized error shape (or the
// page with its defaults and a notice), never a 500, and a refused request changes nothing.

let http: HttpApp;
beforeAll(async () => {
  http = await startHttpApp("hostile");
}, 240_000);
afterAll(async () => {
  await http?.stop();
});

// ── The hostile material ────────────────────────────────────────────────────────────────────
const FRAGMENTS = [
  "'; DROP TABLE chat_sessions; --",
  "1 OR 1=1",
  "\" OR \"\"=\"",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}",
  "../../etc/passwd",
  "\u0000",
  "\uFFFF\uFFFE",
  "\u202Eevil",
  "١٢٣",
  "NaN",
  "-1",
  "0",
  "1e309",
  "-0",
  "0x10",
  "2147483648",
  "9999999999",
  "99999999999999999999",
  "+275760-09-13T00:00:00.001Z",
  "0000-00-00",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "%00",
  "%ZZ",
  " ",
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(5_000), "ب".repeat(20_000)) },
);
/** The same, sized for a URL or a header (Node refuses more than 16 KB of them with 431, before the app). */
const hostileUrlString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(2_000), "ب".repeat(500)) },
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: 1, max: 40 }),
  fc.constantFrom(-1, 0, 1.5, -2_147_483_649, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}, [1, 2], { $gt: 0 }, JSON.parse('{"__proto__":{"admin":true}}') as unknown, "2026-13-45", new Date(8.64e15).toISOString()),
  fc.array(hostileString, { maxLength: 3 }),
  fc.emailAddress(),
);

/** A raw request body: JSON objects with the expected, missing and extra keys; broken JSON; bytes that are not UTF-8; too much. */
function hostileBody(keys: string[]): fc.Arbitrary<string | Uint8Array | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...keys, "extra", "__proto__", "constructor", "id", "role", "userId"), hostileValue, { maxKeys: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue]))).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "}", "null", "[]", '"text"', "1e999", "{\"a\":", "{'single': 1}", "\uFEFF{}", "{\"productId\": 1,}", "NaN", undefined) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => Uint8Array.from([0x7b, 0x22, ...bytes.map((b) => 0x80 | b), 0x22, 0x7d])) },
    { weight: 1, arbitrary: fc.constantFrom(JSON.stringify({ body: "x".repeat(17_000) }), "[".repeat(20_000), JSON.stringify({ productId: 1, pad: "y".repeat(40_000) })) },
  );
}
const hostileId = fc.oneof(fc.constantFrom("0", "-1", "1.5", "1e3", "2147483648", "9999999999", "99999999999", "abc", "١٢", "%00", "1%20OR%201=1", "'", "%3Cscript%3E"), fc.integer().map(String));
/** A query string of hostile pairs (keys the endpoint reads, and others), already encoded. */
function hostileQuery(keys: string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys, "lang", "x", "__proto__", "page"), hostileUrlString), { maxLength: 4 })
    .map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&"));
}
const hostileHeaders = fc.record({
  "accept-language": fc.constantFrom("en", "ar", "en-US,en;q=0.9", "xx", "*", "", "en;q=-1", "\u00ff\u00fe"),
  "content-type": fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""),
});
/** Who is calling: mostly a participant with a live token (to reach the parsing), sometimes a hostile Authorization. */
function hostileAuthorization(role: Role): fc.Arbitrary<string | null> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${http.callers[role].token}`) },
    { weight: 1, arbitrary: fc.constantFrom(null, "", "Bearer", "Bearer ", `Bearer ${"A".repeat(43)}`, `bearer ${http.callers[role].token}`, `Bearer ${http.callers[role].token}x`, "Basic YWRtaW46YWRtaW4=", `Bearer ${"a".repeat(300)}`, "Bearer ' OR 1=1 --") },
  );
}

// ── What an /api/v1 endpoint gets ───────────────────────────────────────────────────────────
type Input = { id: string; query: string; body: string | Uint8Array | undefined; headers: { "accept-language": string; "content-type": string }; authorization: string | null };
type Endpoint = { role: Role; input: fc.Arbitrary<Input>; examples: [Input][] };

function endpointInput(role: Role, { id = false, queryKeys = [] as string[], bodyKeys = null as string[] | null, body = null as fc.Arbitrary<string> | null } = {}): Endpoint {
  // Always tried: NUL (which PostgreSQL text cannot hold) in every key read, then -1 everywhere.
  const everywhere = (value: unknown): Input => ({
    id: id ? String(value) : "",
    query: queryKeys.map((key) => `${key}=${encodeURIComponent(String(value))}`).join("&"),
    body: bodyKeys ? JSON.stringify(Object.fromEntries(bodyKeys.map((key) => [key, value]))) : undefined,
    headers: { "accept-language": "en", "content-type": "application/json" },
    authorization: `Bearer ${http.callers[role].token}`,
  });
  return {
    role,
    // And a token nobody was given: every endpoint that reads a caller refuses something, whatever the draw.
    examples: [[everywhere("\u0000")], [everywhere(-1)], [everywhere("a\u0000b")], [{ ...everywhere(1), authorization: `Bearer ${"A".repeat(43)}` }]],
    input: fc.record({
      id: id ? fc.oneof({ weight: 1, arbitrary: fc.constant(String(http.own.sessionId)) }, { weight: 2, arbitrary: hostileId }) : fc.constant(""),
      query: hostileQuery(queryKeys),
      body: bodyKeys ? (body ? fc.oneof(hostileBody(bodyKeys), body) : hostileBody(bodyKeys)) : fc.constant(undefined),
      headers: hostileHeaders,
      authorization: hostileAuthorization(role),
    }),
  };
}

/** One generator per /api/v1 method of the route map: a new endpoint without one fails the test. */
const ENDPOINTS: () => Record<string, Endpoint> = () => ({
  "GET /api/v1/config": endpointInput("customer", { queryKeys: ["lang"] }),
  "GET /api/v1/openapi.json": endpointInput("customer", { queryKeys: ["lang"] }),
  "POST /api/v1/tokens": endpointInput("customer", {
    bodyKeys: ["email", "password"],
    // Well-formed sign-ins with hostile passwords, so that the credentials check itself is reached.
    body: fc.record({ email: fc.oneof(fc.emailAddress(), fc.constant("customer@demo.test")), password: hostileString }).map((value) => JSON.stringify(value)),
  }),
  "DELETE /api/v1/tokens": endpointInput("customer", { bodyKeys: ["token"] }),
  "GET /api/v1/events": endpointInput("vendor", { queryKeys: ["lastEventId"] }),
  "GET /api/v1/notifications": endpointInput("vendor", { queryKeys: ["before", "limit"] }),
  "GET /api/v1/sessions": endpointInput("customer", { queryKeys: ["page", "limit"] }),
  "POST /api/v1/sessions": endpointInput("customer", { bodyKeys: ["productId"] }),
  "GET /api/v1/sessions/[id]/messages": endpointInput("customer", { id: true, queryKeys: ["before"] }),
  "POST /api/v1/sessions/[id]/messages": endpointInput("vendor", { id: true, bodyKeys: ["body"] }),
  "POST /api/v1/sessions/[id]/read": endpointInput("customer", { id: true, bodyKeys: ["messageIds"] }),
});

const API_CODES = Object.keys(catalogs.api.ar);
const apiMessages = (code: string) => [catalogs.api.ar, catalogs.api.en].map((words) => (words as Record<string, string>)[code]);

const throwaway = (role: Role) => insertToken(http.sql, http.callers[role].userId);
const auditCount = async () => Number((await http.sql.query<{ count: string }>(`SELECT count(*) FROM audit_log`)).rows[0]!.count);

/** Waits for a condition the server reaches on its own (at most 10 s); fails with `what` if it never does. */
async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("hostile input over HTTP", () => {
  it("every /api/v1 endpoint answers 2xx or a 4xx in the localized error shape, never a 5xx, and a refused request changes nothing", async () => {
    const endpoints = ENDPOINTS();
    const declared = Object.entries(ROUTE_ACCESS)
      .filter(([pattern]) => pattern.startsWith("/api/v1/"))
      .flatMap(([pattern, methods]) => Object.keys(methods).map((method) => `${method} ${pattern}`));
    expect(Object.keys(endpoints).sort()).toEqual(declared.sort());
    const RUNS = 40;
    const tally: Record<string, Record<number, number>> = {};
    let requests = 0;
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const [method, pattern] = name.split(" ") as [Method, string];
      tally[name] = {};
      await fc.assert(
        fc.asyncProperty(endpoint.input, async (input) => {
          let authorization = input.authorization;
          // Revoking a token is a valid request: revoke a throwaway, never the caller's own.
          if (method === "DELETE" && authorization === `Bearer ${http.callers[endpoint.role].token}`) authorization = `Bearer ${await throwaway(endpoint.role)}`;
          const headers: Record<string, string> = { ...input.headers };
          if (!headers["content-type"]) delete headers["content-type"];
          if (authorization !== null) headers.authorization = authorization;
          const path = pattern.replace("[id]", input.id);
          const before = await databaseFingerprint(http.sql);
          const controller = new AbortController();
          const response = await fetch(`${http.app.url}${path}${input.query ? `?${input.query}` : ""}`, {
            method,
            headers,
            body: method === "GET" ? undefined : (input.body as BodyInit | undefined),
            signal: controller.signal,
          });
          requests += 1;
          tally[name]![response.status] = (tally[name]![response.status] ?? 0) + 1;
          const label = `${method} ${path}?${input.query.slice(0, 300)} → ${response.status}`;
          if (response.headers.get("content-type")?.includes("text/event-stream")) {
            // A stream was opened: it must start properly (its first frame), then it is closed.
            const reader = response.body!.getReader();
            const { value } = await reader.read();
            expect(new TextDecoder().decode(value), label).toContain(": connected");
            controller.abort();
            expect(response.status, label).toBe(200);
            return;
          }
          const text = await response.text();
          expect(response.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (response.status === 431) return; // Node's HTTP parser refuses headers over 16 KB before the app sees them
          if (response.status >= 400) {
            const body = JSON.parse(text) as { error: { code: string; message: string; fields?: unknown } };
            expect(Object.keys(body), label).toEqual(["error"]);
            expect(API_CODES, label).toContain(body.error.code);
            expect(apiMessages(body.error.code), label).toContain(body.error.message);
            expect(await databaseFingerprint(http.sql), `${label} changed the database`).toBe(before);
          }
        }),
        { numRuns: RUNS, examples: endpoint.examples },
      );
    }
    console.log(`hostile input × /api/v1: ${Object.keys(endpoints).length} endpoints × ${RUNS} runs (4 of them fixed examples) = ${requests} requests; statuses ${JSON.stringify(tally)}`);
    expect(requests).toBe(Object.keys(endpoints).length * RUNS); // the fixed examples are the first of the runs
    // Every endpoint did refuse some of it (the generators reach the validation, not only the auth).
    // Every endpoint that reads a caller or input did refuse some of it (the generators reach the checks).
    for (const [name, statuses] of Object.entries(tally)) {
      const [method, pattern] = name.split(" ") as [Method, string];
      if (ROUTE_ACCESS[pattern]![method]!.access.kind === "public" && method === "GET") continue;
      expect(Object.keys(statuses).some((status) => Number(status) >= 400), name).toBe(true);
    }
  }, 120_000);

  it("every page's URL (path id and query string) gives the page, its notice or 404, never an error page or a 5xx, and writes nothing", async () => {
    const common = catalogs.common.ar;
    const notices = catalogs.chatSessions.ar as unknown as Record<string, string>;
    const pageQuery = fc
      .array(fc.tuple(fc.constantFrom("page", "pageSize", "sort", "dir", "q", "filter", "status", "role", "unread", "active", "product", "customer", "vendor", "after", "before", "cursor", "from", "to", "columns", "x"), hostileUrlString), { maxLength: 5 })
      .map((pairs) => pairs.map(([key, value]) => [key, value] as const));
    // The list pages' own headings (Arabic, the default): a hostile query still gets that list.
    const listTitles: Record<string, string> = {
      "/chat-sessions": catalogs.chatSessions.ar.title,
      "/users": catalogs.resources.ar.usersTitle,
      "/products": catalogs.resources.ar.productsTitle,
      "/orders": catalogs.resources.ar.ordersTitle,
      "/audit": catalogs.resources.ar.auditTitle,
      "/settings": catalogs.settings.ar.title,
    };
    let requests = 0;
    const tally: Record<number, number> = {};
    const before = await databaseFingerprint(http.sql);
    for (const [pattern, rule] of Object.entries(PAGE_ACCESS)) {
      const role: Role | null = rule.access.kind === "guest" ? null : rule.group === "(chat)" ? "customer" : "admin";
      const lists = !pattern.includes("[id]") && rule.group === "(admin)" && !rule.redirectsTo && !pattern.endsWith("/new");
      const ownId = pattern.includes("[id]") ? String(pattern.startsWith("/users") ? http.ids.user : pattern.startsWith("/products") ? http.ids.product : pattern.startsWith("/orders") ? http.ids.order : http.own.sessionId) : "";
      // Always tried, whatever the random runs draw: a NUL in the search, and the classic bad list params.
      const examples: [(readonly [string, string])[], string][] = [
        [[["q", "\u0000"], ["filter", "\u0000"]], ownId],
        [[["page", "-1"], ["pageSize", "1e309"], ["sort", "x'--"], ["dir", "sideways"], ["q", "ب".repeat(500)]], ownId],
      ];
      await fc.assert(
        fc.asyncProperty(pageQuery, pattern.includes("[id]") ? fc.oneof(fc.constant(ownId), hostileId) : fc.constant(""), async (pairs, id) => {
          const query = pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
          const path = `${pattern.replace("[id]", id)}${query ? `?${query}` : ""}`;
          const response = await fetch(`${http.app.url}${path}`, { headers: role ? { cookie: http.callers[role].cookie } : {}, redirect: "manual" });
          const text = await response.text();
          requests += 1;
          tally[response.status] = (tally[response.status] ?? 0) + 1;
          const label = `${role ?? "signed-out"} GET ${path.slice(0, 300)} → ${response.status}`;
          expect(response.status, label).toBeLessThan(500);
          if (response.status === 431) return; // Node's HTTP parser refuses headers over 16 KB before the app sees them
          expect(text, `${label}: the error page`).not.toContain(common.errorBody);
          expect(text, `${label}: a stack trace`).not.toMatch(/at \w+ \(|node_modules\//);
          if (response.status === 404) expect(text, label).toContain(common.notFoundTitle);
          else if (rule.redirectsTo) expect([303, 307, 308], label).toContain(response.status);
          else expect(response.status, label).toBe(200);
          if (listTitles[pattern]) expect(text, `${label}: the list's heading`).toContain(`>${listTitles[pattern]}<`);
          if (pattern === "/chat-sessions") {
            // The list falls back to its defaults and says so, in the user's language.
            const raw: Record<string, string | string[]> = {};
            for (const [key, value] of pairs) raw[key] = key in raw ? [raw[key]!].flat().concat(value) : value;
            for (const notice of parseListState(sessionsList, raw).notices.filter((notice) => notice !== "badCursor")) {
              expect(text, `${label}: notice ${notice}`).toContain(notices[`notice_${notice}`]);
            }
          }
        }),
        { numRuns: lists ? 25 : 5, examples },
      );
    }
    console.log(`hostile input × pages: ${Object.keys(PAGE_ACCESS).length} pages, ${requests} requests; statuses ${JSON.stringify(tally)}`);
    expect(Object.keys(listTitles).every((pattern) => pattern in PAGE_ACCESS)).toBe(true);
    expect(requests).toBeGreaterThanOrEqual(Object.keys(PAGE_ACCESS).length * 5);
    expect(await databaseFingerprint(http.sql)).toBe(before);
  }, 120_000);

  it("a well-formed list cursor whose value does not fit its sort's type shows the first page and its notice, never a 5xx", async () => {
    const notice = catalogs.listEngine.ar.notice_badCursor;
    // Built as the pager builds them (a value and an id), with values of every other kind.
    const wrongValues: Record<SortType, (string | number)[]> = {
      text: [42, 1.5, "bad\u0000name"],
      int: ["abc", "2026-11-25T10:00:00.000Z", "7", 1.5, 2_147_483_648, -1e300],
      timestamptz: ["abc", 42, "2026-02-31T00:00:00.000Z", "2026-11-25", "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "bad\u0000time"],
      numeric: [42, "abc", "1e5", "12.3.4"],
    };
    const typeOf = (sort: (typeof SORT_KEYS)[number]) => sessionsList.sorts[sort].type;
    const pagesWithCursor = [`/chat-sessions`, `/products/${http.ids.product}`];
    let requests = 0;
    for (const path of pagesWithCursor) {
      for (const sort of SORT_KEYS) {
        for (const value of wrongValues[typeOf(sort)]) {
          for (const key of ["after", "before"]) {
            const query = `sort=${sort}&dir=asc&${key}=${encodeCursor({ value, id: 1 })}&page=3`;
            const response = await fetch(`${http.app.url}${path}?${query}`, { headers: { cookie: http.callers.admin.cookie }, redirect: "manual" });
            const text = await response.text();
            requests += 1;
            const label = `GET ${path}?${query} (${JSON.stringify(value)}) → ${response.status}`;
            expect(response.status, label).toBe(200);
            expect(text, label).toContain(notice);
          }
        }
      }
    }
    expect(requests).toBe(pagesWithCursor.length * 2 * SORT_KEYS.reduce((sum, sort) => sum + wrongValues[typeOf(sort)].length, 0));
    expect(http.app.output()).not.toMatch(/Error:|⨯/);
  }, 120_000);

  it("every web route handler (exports, the event stream) answers its data or a localized 4xx to hostile query strings, never a 5xx or a broken stream", async () => {
    const common = catalogs.common.ar;
    const routes = Object.entries(ROUTE_ACCESS).flatMap(([pattern, methods]) =>
      Object.entries(methods)
        .filter(([, rule]) => rule.credentials === "cookie")
        .map(([method]) => ({ method: method as Method, pattern })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const query = fc
      .array(fc.tuple(fc.constantFrom("format", "format", "q", "filter", "ids", "all", "sort", "dir", "status", "product", "lastEventId", "x"), fc.oneof(hostileUrlString, fc.constantFrom("csv", "xlsx", "1,2,3", "-1", "1,,x"))), { maxLength: 5 })
      .map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&"));
    const examples: [string][] = [["format=csv&q=%00"], ["format=xlsx&q=%00&filter=%00"], ["format=csv&ids=-1,0,99999999999"], ["format=pdf"], ["lastEventId=9999999999"]];
    let requests = 0;
    const tally: Record<string, Record<number, number>> = {};
    for (const { method, pattern } of routes) {
      tally[pattern] = {};
      await fc.assert(
        fc.asyncProperty(query, async (search) => {
          const before = await databaseFingerprint(http.sql);
          const auditsBefore = await auditCount();
          const controller = new AbortController();
          const response = await fetch(`${http.app.url}${pattern}?${search}`, { method, headers: { cookie: http.callers.admin.cookie }, signal: controller.signal });
          requests += 1;
          tally[pattern]![response.status] = (tally[pattern]![response.status] ?? 0) + 1;
          const label = `${method} ${pattern}?${search.slice(0, 300)} → ${response.status}`;
          expect(response.status, label).toBeLessThan(500);
          if (response.headers.get("content-type")?.includes("text/event-stream")) {
            const { value } = await response.body!.getReader().read();
            expect(new TextDecoder().decode(value), label).toContain(": connected");
            controller.abort();
            return;
          }
          // A whole download, to its end: a stream that fails half-way rejects here.
          const body = new Uint8Array(await response.arrayBuffer());
          if (response.status === 431) return; // Node's HTTP parser refuses headers over 16 KB before the app sees them
          if (response.status >= 400) {
            expect(new TextDecoder().decode(body), label).toBe(common.invalidInput);
            expect(await databaseFingerprint(http.sql), `${label} changed the database`).toBe(before);
          } else {
            expect(response.status, label).toBe(200);
            expect(body.byteLength, label).toBeGreaterThan(0);
            // A download is audited when its stream ends, just after its last byte: wait for that
            // entry, so that it is not taken for a write of the next (refused) request.
            await waitFor(async () => (await auditCount()) > auditsBefore, `${label}: its audit entry`);
          }
        }),
        { numRuns: 15, examples },
      );
    }
    console.log(`hostile input × web route handlers: ${routes.length} handlers, ${requests} requests; statuses ${JSON.stringify(tally)}`);
    expect(requests).toBe(routes.length * 15);
  }, 120_000);

  it("nothing the server logged while under attack is an unexpected error", () => {
    expect(http.app.output()).not.toMatch(/Error:|live notifications not read|⨯/);
  });

  it("a message of NUL characters (which PostgreSQL text cannot hold) is refused; NULs inside a message are dropped", async () => {
    const send = (body: string) =>
      fetch(`${http.app.url}/api/v1/sessions/${http.own.sessionId}/messages?lang=en`, {
        method: "POST",
        headers: { authorization: `Bearer ${http.callers.customer.token}`, "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
    const before = await databaseFingerprint(http.sql);
    const refused = await send("\u0000 \u0000");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("invalid");
    expect(await databaseFingerprint(http.sql)).toBe(before);
    const sent = await send("a\u0000b");
    expect(sent.status).toBe(201);
    expect(((await sent.json()) as { message: { body: string } }).message.body).toBe("ab");
  });
});
