import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { signInOverHttp } from "../support/http-session";
import { postServerAction } from "../support/server-action-http";
import { openSse, type SseReader } from "../support/sse-client";

// Ending what was signed in, over HTTP against the built app: sign-out ends that session (a copy
// of its cookie too), and an admin's password reset, role change to a participant, deletion or
// "sign out everywhere" end every session, token and open stream of the user.

let http: HttpApp;
beforeAll(async () => {
  http = await startHttpApp("revoke");
}, 240_000);
afterAll(async () => {
  await http?.stop();
});

const PASSWORD = "a password of the test";
let serial = 0;

/** A new user who can sign in, with no history (so that they may be deleted). */
async function newUser(role: Role): Promise<{ id: number; email: string; name: string }> {
  serial += 1;
  const email = `revoke${serial}@example.com`;
  const name = `Revoke ${serial}`;
  const { rows } = await http.sql.query<{ id: number }>(`INSERT INTO users (name, email, password_hash, role, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`, [
    name,
    email,
    await hashPassword(PASSWORD),
    role,
  ]);
  return { id: rows[0]!.id, email, name };
}

async function mobileToken(email: string): Promise<string> {
  const response = await fetch(`${http.app.url}/api/v1/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

/** Where a GET of the page sends this cookie: 200 (the page), or the path it redirects to. */
async function pageAs(cookie: string, path: string): Promise<number | string> {
  const response = await fetch(`${http.app.url}${path}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status === 200 ? 200 : new URL(response.headers.get("location") ?? "", http.app.url).pathname;
}

/** An admin's server action on users, posted as the panel's own client code posts it. */
async function adminAction(name: string, input: unknown, path: string): Promise<void> {
  const { status, text } = await postServerAction(http.app.url, http.callers.admin.cookie, { file: "lib/users/actions.ts", name, path }, input);
  expect(status, text).toBe(200);
  expect(text).toContain('"ok":true');
}

/** The stream ends (the server closed it) within a few seconds. */
async function ended(sse: SseReader): Promise<boolean> {
  return Promise.race([sse.done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
}

describe("ending sessions", () => {
  it("signing out ends that session on the server: a copy of its cookie goes to sign-in and its stream ends; the user's other session stays", async () => {
    const user = await newUser("support");
    const copied = await signInOverHttp(http.app.url, user.email, PASSWORD);
    const other = await signInOverHttp(http.app.url, user.email, PASSWORD);
    expect(await pageAs(copied, "/chat-sessions")).toBe(200);
    const stream = await openSse(`${http.app.url}/api/events`, { cookie: copied });
    expect(stream.status).toBe(200);

    const csrf = await fetch(`${http.app.url}/api/auth/csrf`, { headers: { cookie: copied } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signOut = await fetch(`${http.app.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: copied, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(signOut.status).toBeLessThan(400);

    expect(await pageAs(copied, "/chat-sessions")).toBe("/sign-in");
    expect((await fetch(`${http.app.url}/api/events`, { headers: { cookie: copied } })).status).toBe(401);
    expect(await ended(stream.sse)).toBe(true);
    expect(await pageAs(other, "/chat-sessions")).toBe(200);
  }, 60_000);

  it("an admin's password reset ends every web session, API token and open stream of the user", async () => {
    const user = await newUser("customer");
    const cookie = await signInOverHttp(http.app.url, user.email, PASSWORD);
    const token = await mobileToken(user.email);
    expect(await pageAs(cookie, "/chat")).toBe(200);
    expect((await fetch(`${http.app.url}/api/v1/sessions`, { headers: bearer(token) })).status).toBe(200); // now in the token cache
    const stream = await openSse(`${http.app.url}/api/v1/events`, bearer(token));
    expect(stream.status).toBe(200);

    await adminAction("updateUserAction", { id: user.id, name: user.name, email: user.email, role: "customer", password: "a brand new password" }, `/users/${user.id}/edit`);

    expect((await fetch(`${http.app.url}/api/v1/sessions`, { headers: bearer(token) })).status).toBe(401);
    expect(await pageAs(cookie, "/chat")).toBe("/sign-in");
    expect(await ended(stream.sse)).toBe(true);
    const { rows } = await http.sql.query<{ details: { sessionsEnded: boolean } }>(`SELECT details FROM audit_log WHERE action = 'users.update' AND target_id = $1`, [user.id]);
    expect(rows.map((row) => row.details.sessionsEnded)).toEqual([true]);
  }, 60_000);

  it("making a staff member a participant ends their sessions (they do not land in the web chat with the old cookie)", async () => {
    const user = await newUser("qa");
    const cookie = await signInOverHttp(http.app.url, user.email, PASSWORD);
    const stream = await openSse(`${http.app.url}/api/events`, { cookie });
    expect(await pageAs(cookie, "/chat-sessions")).toBe(200);
    await adminAction("updateUserAction", { id: user.id, name: user.name, email: user.email, role: "customer", password: "" }, `/users/${user.id}/edit`);
    expect(await pageAs(cookie, "/chat")).toBe("/sign-in");
    expect(await ended(stream.sse)).toBe(true);
  }, 60_000);

  it("a change of name keeps the user signed in", async () => {
    const user = await newUser("support");
    const cookie = await signInOverHttp(http.app.url, user.email, PASSWORD);
    await adminAction("updateUserAction", { id: user.id, name: `${user.name} renamed`, email: user.email, role: "support", password: "" }, `/users/${user.id}/edit`);
    expect(await pageAs(cookie, "/chat-sessions")).toBe(200);
  }, 60_000);

  it("deleting a user closes their open /api/v1/events stream and refuses their token with 401", async () => {
    const user = await newUser("customer");
    const token = await mobileToken(user.email);
    expect((await fetch(`${http.app.url}/api/v1/sessions`, { headers: bearer(token) })).status).toBe(200);
    const stream = await openSse(`${http.app.url}/api/v1/events`, bearer(token));
    expect(stream.status).toBe(200);
    await adminAction("deleteUserAction", { id: user.id }, `/users/${user.id}`);
    expect(await ended(stream.sse)).toBe(true);
    const started = await fetch(`${http.app.url}/api/v1/sessions`, { method: "POST", headers: bearer(token), body: JSON.stringify({ productId: http.own.productId }) });
    expect(started.status).toBe(401);
  }, 60_000);

  it("a user deleted behind the instance's back (its token still cached) who starts a session gets 401, not 500", async () => {
    const user = await newUser("customer");
    const token = await mobileToken(user.email);
    expect((await fetch(`${http.app.url}/api/v1/sessions`, { headers: bearer(token) })).status).toBe(200); // cached for 30 s
    await http.sql.query(`DELETE FROM users WHERE id = $1`, [user.id]);
    const started = await fetch(`${http.app.url}/api/v1/sessions?lang=en`, { method: "POST", headers: bearer(token), body: JSON.stringify({ productId: http.own.productId }) });
    expect(started.status).toBe(401);
    expect(((await started.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  }, 60_000);

  it("an admin's 'sign out everywhere' ends the user's web sessions, tokens and streams, and is audited", async () => {
    const user = await newUser("vendor");
    const cookie = await signInOverHttp(http.app.url, user.email, PASSWORD);
    const token = await mobileToken(user.email);
    const stream = await openSse(`${http.app.url}/api/events`, { cookie });
    expect(await pageAs(cookie, "/chat")).toBe(200);
    const page = await fetch(`${http.app.url}/users/${user.id}`, { headers: { cookie: http.callers.admin.cookie } });
    expect(await page.text()).toContain("تسجيل الخروج من كل الأجهزة");

    await adminAction("signOutEverywhereAction", { id: user.id }, `/users/${user.id}`);

    expect(await pageAs(cookie, "/chat")).toBe("/sign-in");
    expect((await fetch(`${http.app.url}/api/v1/sessions`, { headers: bearer(token) })).status).toBe(401);
    expect(await ended(stream.sse)).toBe(true);
    const { rows } = await http.sql.query<{ actor_id: number }>(`SELECT actor_id FROM audit_log WHERE action = 'users.signOutEverywhere' AND target_id = $1`, [user.id]);
    expect(rows).toEqual([{ actor_id: http.callers.admin.userId }]);
    // Signing in again works.
    expect(await pageAs(await signInOverHttp(http.app.url, user.email, PASSWORD), "/chat")).toBe(200);
  }, 60_000);
});
