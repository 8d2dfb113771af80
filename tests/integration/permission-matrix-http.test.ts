import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import type { Role } from "@/lib/generated/prisma/enums";
import { catalogs } from "@/lib/i18n/catalogs";
import { can } from "@/lib/permissions";
import { LAYOUT_ACCESS, PAGE_ACCESS, ROUTE_ACCESS, allows, routeGroupOf, urlPatternOf, type Access, type Method, type RouteRule } from "@/lib/route-permissions";
import { serverActionId } from "../../scripts/lib/server-action-id";
import { CALLERS, callerName, databaseFingerprint, insertToken, startHttpApp, type HttpApp } from "../support/http-app";

// The permission matrix, tried over HTTP against the built app: every page and every route
// handler (web and /api/v1) found on disk, as every role and signed out, must be allowed or
// refused exactly as lib/route-permissions.ts (in terms of lib/permissions.ts) says.

function filesNamed(name: string, dir = "app"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesNamed(name, path);
    return entry === name ? [path] : [];
  });
}
const PAGE_FILES = filesNamed("page.tsx").sort();
const ROUTE_FILES = filesNamed("route.ts").sort();
const HTTP_METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { h as GET }`). */
function exportedMethods(file: string): Method[] {
  const source = readFileSync(file, "utf8");
  return HTTP_METHODS.filter((method) =>
    new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(source),
  );
}

let http: HttpApp;
beforeAll(async () => {
  http = await startHttpApp("matrix");
}, 240_000);
afterAll(async () => {
  await http?.stop();
});

const common = catalogs.common.ar;
const apiWords = catalogs.api.ar;
const headersOf = (role: Role | null, extra: Record<string, string> = {}) => (role ? { cookie: http.callers[role].cookie, ...extra } : extra);
const bearerOf = (role: Role | null, extra: Record<string, string> = {}) => (role ? { authorization: `Bearer ${http.callers[role].token}`, ...extra } : extra);

type Visit = { first: number; firstLocation: string | null; final: number; finalPath: string; text: string };

/** GETs a page as the caller, following redirects by hand (at most 6), so every hop is seen. */
async function visit(path: string, role: Role | null): Promise<Visit> {
  let url = new URL(path, http.app.url);
  let first: { status: number; location: string | null } | null = null;
  for (let hop = 0; hop < 6; hop += 1) {
    const response = await fetch(url, { headers: headersOf(role), redirect: "manual" });
    const location = response.headers.get("location");
    first ??= { status: response.status, location: location ? new URL(location, url).pathname : null };
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    return { first: first.status, firstLocation: first.location, final: response.status, finalPath: url.pathname, text: await response.text() };
  }
  throw new Error(`${path}: more than 6 redirects`);
}

/** Where requirePagePermission sends a refused caller; null: it stays at the URL with the 403 notice. */
function refusalTarget(role: Role | null, accesses: Access[]): string | null {
  if (role === null) return "/sign-in";
  const needsChat = accesses.some((access) => (access.kind === "anyOf" || access.kind === "allOf") && access.permissions.includes("chat.participate"));
  return can(role, "chat.participate") && !needsChat ? "/chat" : null;
}

function concretePath(pattern: string): string {
  const id = pattern.startsWith("/users/") ? http.ids.user : pattern.startsWith("/products/") ? http.ids.product : pattern.startsWith("/orders/") ? http.ids.order : http.own.sessionId;
  return pattern.replace("[id]", String(id));
}

describe("the route map covers the app", () => {
  it("every page file has an entry (with its route group), and every entry a file", () => {
    expect(PAGE_FILES.length).toBeGreaterThan(10);
    const patterns = PAGE_FILES.map(urlPatternOf);
    for (const file of PAGE_FILES) {
      const rule = PAGE_ACCESS[urlPatternOf(file)];
      expect(rule, `${file} has no entry in PAGE_ACCESS (lib/route-permissions.ts)`).toBeDefined();
      expect(rule!.group, `${file}: route group`).toBe(routeGroupOf(file));
    }
    // A route group with a layout of its own has its access declared, and only those.
    const groupsWithLayout = [...new Set(PAGE_FILES.map(routeGroupOf))].filter((group): group is string => group !== null && existsSync(`app/${group}/layout.tsx`));
    expect(Object.keys(LAYOUT_ACCESS).sort()).toEqual(groupsWithLayout.sort());
    expect(Object.keys(PAGE_ACCESS).sort()).toEqual([...patterns].sort());
  });

  it("every route handler method has an entry, and every entry a handler", () => {
    expect(ROUTE_FILES.length).toBeGreaterThan(5);
    const declared = Object.entries(ROUTE_ACCESS).flatMap(([pattern, methods]) => Object.keys(methods).map((method) => `${method} ${pattern}`));
    const found = ROUTE_FILES.flatMap((file) => exportedMethods(file).map((method) => `${method} ${urlPatternOf(file)}`));
    expect(found.length).toBeGreaterThan(ROUTE_FILES.length);
    expect(declared.sort()).toEqual(found.sort());
  });

  it("each group's layout and each page name in their source the permission the map gives them", () => {
    const checked: string[] = [];
    for (const file of [...PAGE_FILES, ...Object.keys(LAYOUT_ACCESS).map((group) => `app/${group}/layout.tsx`)]) {
      const access = file.endsWith("layout.tsx") ? LAYOUT_ACCESS[/\((\w+)\)/.exec(file)![0]]! : PAGE_ACCESS[urlPatternOf(file)]!.access;
      if (access.kind !== "anyOf" && access.kind !== "allOf") continue;
      let source = readFileSync(file, "utf8");
      // A list page (loadListPage) checks the permission its list declares (lib/<section>/list.ts).
      if (source.includes("loadListPage")) {
        for (const [, list] of source.matchAll(/from "@\/(lib\/[\w/-]+\/list)"/g)) source += readFileSync(`${list}.ts`, "utf8");
      }
      const redirectOnly = PAGE_ACCESS[urlPatternOf(file)]?.redirectsTo && !file.endsWith("layout.tsx");
      if (redirectOnly) continue; // no check of its own: its layout's, and the target's
      expect(access.permissions.some((permission) => source.includes(`"${permission}"`)), `${file} does not name ${access.permissions.join(" or ")}`).toBe(true);
      checked.push(file);
    }
    expect(checked.length).toBeGreaterThan(15);
  });
});

describe("permission matrix × pages and route handlers, over HTTP", () => {
  it("every page, as every role and signed out, is shown or refused (redirect, or 403 with the notice) as the map says", async () => {
    let cells = 0;
    const failures: string[] = [];
    for (const [pattern, rule] of Object.entries(PAGE_ACCESS)) {
      const accesses = [...(rule.group && LAYOUT_ACCESS[rule.group] ? [LAYOUT_ACCESS[rule.group]!] : []), rule.access];
      const path = concretePath(pattern);
      for (const role of CALLERS) {
        const allowed = accesses.every((access) => allows(access, role));
        const seen = await visit(path, role);
        const cell = `${callerName(role)} → ${path} (${allowed ? "allowed" : "refused"}): first ${seen.first}→${seen.firstLocation ?? "-"}, final ${seen.final} at ${seen.finalPath}`;
        let ok: boolean;
        if (allowed) {
          const destination = rule.redirectsTo ? concretePath(rule.redirectsTo.replace("{id}", "[id]")) : path;
          ok = seen.final === 200 && seen.finalPath === destination && (rule.redirectsTo ? seen.first >= 300 && seen.first < 400 : seen.first === 200);
        } else if (rule.access.kind === "guest") {
          ok = seen.first >= 300 && seen.first < 400 && seen.firstLocation === "/";
        } else {
          const target = refusalTarget(role, accesses);
          // Never a 200 at the refused URL: a redirect to where the caller belongs, or 403 with the notice.
          if (target === null) ok = seen.first === 403 && seen.finalPath === path && seen.text.includes(common.forbiddenTitle);
          else ok = seen.first >= 300 && seen.first < 400 && seen.finalPath === target && seen.final === 200;
        }
        if (!ok) failures.push(cell);
        cells += 1;
      }
    }
    console.log(`permission matrix × pages: ${cells} cells (${Object.keys(PAGE_ACCESS).length} pages × ${CALLERS.length} callers)`);
    expect(failures).toEqual([]);
    expect(cells).toBe(Object.keys(PAGE_ACCESS).length * CALLERS.length);
  }, 120_000);

  /** One request per route handler method, as the given caller. Every method of the map needs one here. */
  const probes: Record<string, (role: Role | null) => Promise<Response>> = {
    "GET /api/auth/[...nextauth]": () => fetch(`${http.app.url}/api/auth/csrf`),
    "POST /api/auth/[...nextauth]": async (role) => {
      // next-auth itself is open to anyone: each role signs in; no one signed in signs out.
      const csrf = await fetch(`${http.app.url}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      return fetch(`${http.app.url}/api/auth/${role ? "callback/credentials" : "signout"}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, json: "true", ...(role ? { email: `${role}@demo.test`, password: DEMO_PASSWORD } : {}) }),
      });
    },
    "GET /api/events": (role) => openStream(`${http.app.url}/api/events`, headersOf(role)),
    "GET /api/presence": (role) => openStream(`${http.app.url}/api/presence?viewing=${http.own.sessionId}`, headersOf(role)),
    "POST /api/presence": (role) => fetch(`${http.app.url}/api/presence`, { method: "POST", headers: { ...headersOf(role), "content-type": "application/json" }, body: JSON.stringify({ sessionId: http.own.sessionId }) }),
    "GET /chat-sessions/export": (role) => fetch(`${http.app.url}/chat-sessions/export?format=csv&ids=${http.own.sessionId}`, { headers: headersOf(role) }),
    "GET /chat-sessions/transcript": (role) => fetch(`${http.app.url}/chat-sessions/transcript?format=csv&ids=${http.own.sessionId}`, { headers: headersOf(role) }),
    ...Object.fromEntries(
      ["users", "products", "orders", "audit"].map((resource) => [
        `GET /${resource}/export`,
        (role: Role | null) => fetch(`${http.app.url}/${resource}/export?format=csv`, { headers: headersOf(role) }),
      ]),
    ),
    "GET /api/v1/config": () => fetch(`${http.app.url}/api/v1/config`),
    "GET /api/v1/openapi.json": () => fetch(`${http.app.url}/api/v1/openapi.json`),
    "GET /healthz": () => fetch(`${http.app.url}/healthz`),
    "GET /readyz": () => fetch(`${http.app.url}/readyz`),
    "POST /api/v1/tokens": (role) =>
      fetch(`${http.app.url}/api/v1/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `${role ?? "nobody"}@demo.test`, password: role ? DEMO_PASSWORD : "wrong-password" }) }),
    "DELETE /api/v1/tokens": async (role) => {
      // A throwaway token of the caller's, so that the caller's own token stays live.
      const headers: Record<string, string> = role ? { authorization: `Bearer ${await extraToken(role)}` } : {};
      return fetch(`${http.app.url}/api/v1/tokens`, { method: "DELETE", headers });
    },
    "GET /api/v1/events": (role) => openStream(`${http.app.url}/api/v1/events`, bearerOf(role)),
    "GET /api/v1/notifications": (role) => fetch(`${http.app.url}/api/v1/notifications`, { headers: bearerOf(role) }),
    "GET /api/v1/sessions": (role) => fetch(`${http.app.url}/api/v1/sessions`, { headers: bearerOf(role) }),
    "POST /api/v1/sessions": (role) =>
      fetch(`${http.app.url}/api/v1/sessions`, { method: "POST", headers: bearerOf(role, { "content-type": "application/json" }), body: JSON.stringify({ productId: http.own.productId }) }),
    "GET /api/v1/sessions/[id]/messages": (role) => fetch(`${http.app.url}/api/v1/sessions/${http.own.sessionId}/messages`, { headers: bearerOf(role) }),
    "POST /api/v1/sessions/[id]/messages": (role) =>
      fetch(`${http.app.url}/api/v1/sessions/${http.own.sessionId}/messages`, { method: "POST", headers: bearerOf(role, { "content-type": "application/json" }), body: JSON.stringify({ body: `matrix probe by ${callerName(role)}` }) }),
    "POST /api/v1/sessions/[id]/read": (role) => fetch(`${http.app.url}/api/v1/sessions/${http.own.sessionId}/read`, { method: "POST", headers: bearerOf(role) }),
  };

  const extraToken = (role: Role) => insertToken(http.sql, http.callers[role].userId);

  /** An event stream: the answer's status and headers, then the stream is closed at once. */
  async function openStream(url: string, headers: Record<string, string>): Promise<Response> {
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    const text = response.headers.get("content-type")?.includes("text/event-stream") ? "" : await response.text();
    controller.abort();
    return new Response(text, { status: response.status, headers: response.headers });
  }

  it("every route handler method, as every role and signed out, answers or refuses (401/403, localized) as the map says", async () => {
    let cells = 0;
    const failures: string[] = [];
    const fingerprintBefore = await databaseFingerprint(http.sql);
    let writesAllowed = 0;
    for (const [pattern, methods] of Object.entries(ROUTE_ACCESS)) {
      for (const [method, rule] of Object.entries(methods) as [Method, RouteRule][]) {
        const probe = probes[`${method} ${pattern}`];
        expect(probe, `no probe for ${method} ${pattern}: add one to this test`).toBeDefined();
        for (const role of CALLERS) {
          const allowed = allows(rule.access, role);
          const before = allowed ? null : await databaseFingerprint(http.sql);
          const response = await probe!(role);
          const text = await response.text();
          const cell = `${callerName(role)} → ${method} ${pattern} (${allowed ? "allowed" : "refused"}): ${response.status} ${text.slice(0, 120)}`;
          let ok: boolean;
          if (allowed) {
            ok = response.status >= 200 && response.status < 400;
            if (method !== "GET") writesAllowed += 1;
          } else if (rule.credentials === "bearer" || pattern.startsWith("/api/v1/")) {
            // The API's one error shape, in the caller's language (Arabic by default). The sign-in
            // refuses an account that may not use it as it refuses a wrong password: 401.
            const expected = role === null || rule.access.kind === "signIn" ? { status: 401, code: "unauthorized" } : { status: 403, code: "forbidden" };
            ok = response.status === expected.status && text === JSON.stringify({ error: { code: expected.code, message: apiWords[expected.code as keyof typeof apiWords] } });
          } else {
            ok = (role === null ? [401, 403] : [403]).includes(response.status) && text === common.forbidden;
          }
          if (before !== null && (await databaseFingerprint(http.sql)) !== before) ok = false;
          if (!ok) failures.push(cell);
          cells += 1;
        }
      }
    }
    const methodCount = Object.values(ROUTE_ACCESS).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    console.log(`permission matrix × route handlers: ${cells} cells (${methodCount} handler methods × ${CALLERS.length} callers), ${writesAllowed} allowed writes`);
    expect(failures).toEqual([]);
    expect(cells).toBe(methodCount * CALLERS.length);
    // Only the allowed writes changed anything (a sanity check that the probes did reach the handlers).
    expect(await databaseFingerprint(http.sql)).not.toBe(fingerprintBefore);
  }, 120_000);
});

describe("only a customer opens a conversation, through either door", () => {
  /** Posts a server action as the built page's client code does, as the caller. */
  const postAction = (role: Role, file: string, name: string, input: unknown) =>
    fetch(`${http.app.url}/chat`, {
      method: "POST",
      headers: { cookie: http.callers[role].cookie, origin: http.app.url, "next-action": serverActionId(file, name), accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify([input]),
    });

  it("a vendor is refused by the web chat's start action and by POST /api/v1/sessions, and nothing is written; a customer is let through both", async () => {
    const before = await databaseFingerprint(http.sql);
    const web = await postAction("vendor", "lib/participant-chat/actions.ts", "startChatAction", { productId: http.own.productId });
    expect(web.status).toBe(200);
    expect(await web.text()).toContain('{"ok":false,"error":{"code":"forbidden"');
    const api = await fetch(`${http.app.url}/api/v1/sessions`, { method: "POST", headers: bearerOf("vendor", { "content-type": "application/json" }), body: JSON.stringify({ productId: http.own.productId }) });
    expect(api.status).toBe(403);
    expect(await databaseFingerprint(http.sql)).toBe(before);

    const asCustomer = await postAction("customer", "lib/participant-chat/actions.ts", "startChatAction", { productId: http.own.productId });
    expect(await asCustomer.text()).toContain(`"ok":true,"data":{"id":${http.own.sessionId}`);
    const apiCustomer = await fetch(`${http.app.url}/api/v1/sessions`, { method: "POST", headers: bearerOf("customer", { "content-type": "application/json" }), body: JSON.stringify({ productId: http.own.productId }) });
    expect(await apiCustomer.json()).toEqual({ id: http.own.sessionId, created: false });
  }, 60_000);
});

describe("participants reach only their own sessions, messages and notifications", () => {
  const PARTICIPANTS = ["customer", "vendor"] as const;
  /** What must never show in an answer to someone who does not take part in the other session. */
  const leaks = (text: string) => [http.others.productName, ...http.others.bodies].filter((secret) => secret.length > 3 && text.includes(secret));

  it("every id-taking endpoint and page, given another user's session id, is 404 (as for no session at all), leaks nothing and changes nothing", async () => {
    const idTaking = [
      ...Object.entries(ROUTE_ACCESS).flatMap(([pattern, methods]) =>
        Object.entries(methods)
          .filter(([, rule]) => rule.ownedBy === "participant")
          .map(([method]) => ({ kind: "api" as const, method: method as Method, pattern })),
      ),
      ...Object.entries(PAGE_ACCESS)
        .filter(([, rule]) => rule.ownedBy === "participant")
        .map(([pattern]) => ({ kind: "page" as const, method: "GET" as Method, pattern })),
    ];
    expect(idTaking.length).toBeGreaterThanOrEqual(4);
    const request = (target: (typeof idTaking)[number], role: Role, id: number) => {
      const path = target.pattern.replace("[id]", String(id));
      if (target.kind === "page") return fetch(`${http.app.url}${path}`, { headers: headersOf(role), redirect: "manual" });
      const body = target.method === "POST" && target.pattern.endsWith("/messages") ? JSON.stringify({ body: "let me in" }) : undefined;
      return fetch(`${http.app.url}${path}`, { method: target.method, headers: bearerOf(role, { "content-type": "application/json" }), body });
    };
    let tried = 0;
    for (const role of PARTICIPANTS) {
      for (const target of idTaking) {
        const before = await databaseFingerprint(http.sql);
        const other = await request(target, role, http.others.sessionId);
        const otherText = await other.text();
        const missing = await request(target, role, 2_147_483_647);
        const missingText = await missing.text();
        const cell = `${role} → ${target.method} ${target.pattern} with someone else's session`;
        expect(other.status, cell).toBe(404);
        expect(missing.status, cell).toBe(404);
        expect(leaks(otherText), cell).toEqual([]);
        if (target.kind === "api") {
          expect(JSON.parse(otherText), cell).toEqual({ error: { code: "not_found", message: apiWords.not_found } });
          expect(otherText, `${cell}: same answer as a session that does not exist`).toBe(missingText);
        } else {
          expect(otherText, cell).toContain(common.notFoundTitle);
        }
        expect(await databaseFingerprint(http.sql), `${cell} changed the database`).toBe(before);
        tried += 1;
      }
    }
    console.log(`ownership: ${tried} (participant × id-taking endpoint) cells, each with another user's id and a missing id`);
    expect(tried).toBe(PARTICIPANTS.length * idTaking.length);
  });

  it("a message cursor (before=) from another session pages nothing of that session", async () => {
    for (const role of PARTICIPANTS) {
      const response = await fetch(`${http.app.url}/api/v1/sessions/${http.own.sessionId}/messages?before=${http.others.messageIds.at(-1)}`, { headers: bearerOf(role) });
      expect(response.status).toBe(200);
      const { messages } = (await response.json()) as { messages: { id: number }[] };
      const { rows } = await http.sql.query<{ id: number }>(`SELECT id FROM chat_messages WHERE session_id = $1`, [http.own.sessionId]);
      const own = new Set(rows.map((row) => row.id));
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(own.has(message.id), `message ${message.id} is not of the caller's session`).toBe(true);
    }
  });

  it("lists (sessions, notifications) and event streams replay only the caller's own", async () => {
    const { rows } = await http.sql.query<{ id: number; customer_id: number; vendor_id: number }>(`SELECT id, customer_id, vendor_id FROM chat_sessions`);
    for (const role of PARTICIPANTS) {
      const me = http.callers[role].userId;
      const mine = new Set(rows.filter((row) => row.customer_id === me || row.vendor_id === me).map((row) => row.id));
      expect(mine.has(http.own.sessionId)).toBe(true);
      const sessions = (await (await fetch(`${http.app.url}/api/v1/sessions`, { headers: bearerOf(role) })).json()) as { sessions: { id: number }[] };
      expect(sessions.sessions.length).toBeGreaterThan(0);
      for (const session of sessions.sessions) expect(mine.has(session.id), `${role} listed session ${session.id}`).toBe(true);
      const notificationsText = await (await fetch(`${http.app.url}/api/v1/notifications`, { headers: bearerOf(role) })).text();
      const { notifications } = JSON.parse(notificationsText) as { notifications: { id: number; sessionId: number }[] };
      for (const notice of notifications) {
        expect(mine.has(notice.sessionId), `${role} saw a notification of session ${notice.sessionId}`).toBe(true);
        expect(http.others.notificationIds).not.toContain(notice.id);
      }
      expect(leaks(notificationsText)).toEqual([]);
    }
    // The vendor's replay from the very start (Last-Event-ID 0, on the app's and the web's stream):
    // every event of theirs arrives in id order; the other session's events, with ids among the
    // vendor's, never do.
    const others = await http.sql.query<{ id: number }>(
      `INSERT INTO user_events (user_id, kind, session_id) VALUES ($1, 'session', $3), ($2, 'session', $3) RETURNING id`,
      [http.others.customerId, http.others.vendorId, http.others.sessionId],
    );
    await http.sql.query(`INSERT INTO user_events (user_id, kind, session_id) VALUES ($1, 'session', $2)`, [http.callers.vendor.userId, http.own.sessionId]);
    const { rows: vendorEvents } = await http.sql.query<{ id: number }>(`SELECT id FROM user_events WHERE user_id = $1 ORDER BY id`, [http.callers.vendor.userId]);
    const newest = vendorEvents.at(-1)!.id;
    expect(Math.max(...others.rows.map((row) => row.id))).toBeLessThan(newest);
    for (const [url, headers] of [
      [`${http.app.url}/api/v1/events`, bearerOf("vendor", { "last-event-id": "0" })],
      [`${http.app.url}/api/events?lastEventId=0`, headersOf("vendor")],
    ] as const) {
      const controller = new AbortController();
      const response = await fetch(url, { headers, signal: controller.signal });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let text = "";
      while (!new RegExp(`^id: ${newest}$`, "m").test(text)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`${url}: the stream ended before event ${newest}`);
        text += new TextDecoder().decode(value);
      }
      controller.abort();
      const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
      expect(ids, url).toEqual(vendorEvents.map((event) => event.id));
      expect(leaks(text), url).toEqual([]);
    }
  });
});
