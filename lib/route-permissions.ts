import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/permissions";

// Who may open which URL: every page (app/**/page.tsx) and every route handler
// (app/**/route.ts) by its URL pattern, in terms of the permission matrix (lib/permissions.ts).
// A test finds the files on disk, fails on any file missing here (or any entry without a
// file), and tries every entry as every role over HTTP against the built app
// (tests/integration/permission-matrix-http.test.ts).

/**
 * - `public`: anyone, signed in or not.
 * - `guest`: the sign-in page; whoever is signed in is sent on to `/`.
 * - `signedIn`: anyone signed in, whatever the role (e.g. revoking one's own token).
 * - `anyOf`: the caller needs at least one of these permissions.
 * - `allOf`: the caller needs every one of these permissions.
 * - `signIn`: the mobile sign-in (POST /api/v1/tokens): a token is issued to whoever has the
 *   permission; everyone else gets the 401 of a wrong password, right password or not.
 */
export type Access =
  | { kind: "public" }
  | { kind: "guest" }
  | { kind: "signedIn" }
  | { kind: "anyOf"; permissions: readonly Permission[] }
  | { kind: "allOf"; permissions: readonly Permission[] }
  | { kind: "signIn"; permission: Permission };

const needs = (...permissions: Permission[]): Access => ({ kind: "anyOf", permissions });

/** What a route group's layout demands before any page inside it renders. */
export const LAYOUT_ACCESS: Record<string, Access> = {
  "(admin)": needs("panel.enter"),
  "(chat)": needs("chat.participate"),
};

export type PageRule = {
  access: Access;
  /** A page that only sends the allowed caller elsewhere (`{id}` is the URL's id). */
  redirectsTo?: string;
  /** The page takes someone's id: participants are tried with their own and with others'. */
  ownedBy?: "participant";
};

/** Pages, by URL pattern (route groups dropped, `[id]` kept), with their folder's route group. */
export const PAGE_ACCESS: Record<string, PageRule & { group: string | null }> = {
  "/": { group: "(admin)", access: needs("chatSessions.view") },
  "/chat-sessions": { group: "(admin)", access: needs("chatSessions.view") },
  "/chat-sessions/new": { group: "(admin)", access: needs("chatSessions.create") },
  "/chat-sessions/[id]": { group: "(admin)", access: needs("chatSessions.view") },
  "/chat-sessions/[id]/edit": { group: "(admin)", access: needs("chatSessions.view") },
  "/chat-sessions/triage": { group: "(admin)", access: needs("chatSessions.view") },
  "/chat-sessions/[id]/messages": { group: "(admin)", access: needs("chatSessions.view"), redirectsTo: "/chat-sessions/{id}/edit" },
  "/users": { group: "(admin)", access: needs("users.view") },
  "/users/new": { group: "(admin)", access: needs("users.manage") },
  "/users/[id]": { group: "(admin)", access: needs("users.view") },
  "/users/[id]/edit": { group: "(admin)", access: needs("users.manage") },
  "/products": { group: "(admin)", access: needs("products.view") },
  "/products/[id]": { group: "(admin)", access: needs("products.view") },
  "/orders": { group: "(admin)", access: needs("orders.view") },
  "/orders/[id]": { group: "(admin)", access: needs("orders.view") },
  "/audit": { group: "(admin)", access: needs("audit.view") },
  "/settings": { group: "(admin)", access: needs("settings.manage") },
  "/sign-in": { group: "(auth)", access: { kind: "guest" } },
  "/chat": { group: "(chat)", access: needs("chat.participate") },
  "/chat/[id]": { group: "(chat)", access: needs("chat.participate"), ownedBy: "participant" },
  "/chat/notifications": { group: "(chat)", access: needs("chat.participate") },
};

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RouteRule = {
  access: Access;
  /** Who the caller is to this handler: the web session cookie, or a bearer token (/api/v1). */
  credentials: "cookie" | "bearer" | "none";
  ownedBy?: "participant";
};

/** Route handlers, by URL pattern and method. */
export const ROUTE_ACCESS: Record<string, Partial<Record<Method, RouteRule>>> = {
  "/api/auth/[...nextauth]": { GET: { access: { kind: "public" }, credentials: "none" }, POST: { access: { kind: "public" }, credentials: "none" } },
  "/api/events": { GET: { access: needs("chatSessions.view", "chat.participate"), credentials: "cookie" } },
  // Presence (issue 20): staff only; the stream says who is on the sessions watched, the POST "I am replying".
  "/api/presence": { GET: { access: needs("chatSessions.view"), credentials: "cookie" }, POST: { access: needs("chatSessions.view"), credentials: "cookie" } },
  "/chat-sessions/export": { GET: { access: needs("chatSessions.export"), credentials: "cookie" } },
  "/chat-sessions/transcript": { GET: { access: needs("chatSessions.export"), credentials: "cookie" } },
  "/users/export": { GET: { access: { kind: "allOf", permissions: ["users.view", "resources.export"] }, credentials: "cookie" } },
  "/products/export": { GET: { access: { kind: "allOf", permissions: ["products.view", "resources.export"] }, credentials: "cookie" } },
  "/orders/export": { GET: { access: { kind: "allOf", permissions: ["orders.view", "resources.export"] }, credentials: "cookie" } },
  "/audit/export": { GET: { access: { kind: "allOf", permissions: ["audit.view", "resources.export"] }, credentials: "cookie" } },
  "/api/v1/config": { GET: { access: { kind: "public" }, credentials: "none" } },
  // Probes for load balancers and orchestrators: no session, nothing about the host.
  "/healthz": { GET: { access: { kind: "public" }, credentials: "none" } },
  "/readyz": { GET: { access: { kind: "public" }, credentials: "none" } },
  "/api/v1/openapi.json": { GET: { access: { kind: "public" }, credentials: "none" } },
  "/api/v1/tokens": {
    POST: { access: { kind: "signIn", permission: "chat.participate" }, credentials: "none" },
    DELETE: { access: { kind: "signedIn" }, credentials: "bearer" },
  },
  "/api/v1/events": { GET: { access: needs("chat.participate"), credentials: "bearer" } },
  "/api/v1/notifications": { GET: { access: needs("chat.participate"), credentials: "bearer" } },
  "/api/v1/sessions": {
    GET: { access: needs("chat.participate"), credentials: "bearer" },
    POST: { access: needs("chat.start"), credentials: "bearer" },
  },
  "/api/v1/sessions/[id]/messages": {
    GET: { access: needs("chat.participate"), credentials: "bearer", ownedBy: "participant" },
    POST: { access: needs("chat.participate"), credentials: "bearer", ownedBy: "participant" },
  },
  "/api/v1/sessions/[id]/read": { POST: { access: needs("chat.participate"), credentials: "bearer", ownedBy: "participant" } },
};

/** `app/(admin)/chat-sessions/[id]/edit/page.tsx` → `/chat-sessions/[id]/edit`. */
export function urlPatternOf(file: string): string {
  const segments = file
    .replace(/^app\//, "")
    .replace(/(^|\/)(page\.tsx|route\.ts)$/, "")
    .split("/")
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The route group a page file sits in (`(admin)`), or null. */
export function routeGroupOf(file: string): string | null {
  return /^app\/(\([^/]+\))\//.exec(file)?.[1] ?? null;
}

/** Whether a role (null: signed out) passes an access rule (for `signIn`, whether a token is issued). */
export function allows(access: Access, role: Role | null): boolean {
  switch (access.kind) {
    case "public":
      return true;
    case "guest":
      return role === null;
    case "signedIn":
      return role !== null;
    case "signIn":
      return can(role, access.permission);
    case "allOf":
      return access.permissions.every((permission) => can(role, permission));
    case "anyOf":
      return access.permissions.some((permission) => can(role, permission));
  }
}
