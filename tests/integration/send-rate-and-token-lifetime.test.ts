import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/catalogs";
import { TOKEN_IDLE_DAYS } from "@/lib/api/token-lifetime";
import { insertToken, startHttpApp, type HttpApp } from "../support/http-app";
import { postServerAction } from "../support/server-action-http";

// The send rate (per participant, the API and the web chat together, kept in PostgreSQL) and the
// bearer tokens' lifetime, over HTTP against the built app. The limit is small and the window an
// hour, and the window's start is moved in the database: nothing waits on the clock.

const LIMIT = 3;
let http: HttpApp;
beforeAll(async () => {
  http = await startHttpApp("sendrate", { SEND_RATE_LIMIT: String(LIMIT), SEND_RATE_WINDOW_SECONDS: "3600" });
}, 240_000);
afterAll(async () => {
  await http?.stop();
});

const send = (token: string, body: string) =>
  fetch(`${http.app.url}/api/v1/sessions/${http.own.sessionId}/messages?lang=en`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ body }),
  });

const messageCount = async () => Number((await http.sql.query<{ count: string }>(`SELECT count(*) FROM chat_messages WHERE session_id = $1`, [http.own.sessionId])).rows[0]!.count);

describe("the send rate", () => {
  it(`a participant's sends past ${LIMIT} in the window answer 429 with Retry-After on the API and 'too fast' on the web chat, and store nothing; a new window sends again`, async () => {
    const { customer, vendor } = http.callers;
    // Setup sent one message as the customer (this window's first).
    await http.sql.query(`UPDATE send_rate_windows SET window_start = now(), sent = 1 WHERE user_id = $1`, [customer.userId]);
    for (let i = 2; i <= LIMIT; i += 1) expect((await send(customer.token, `within the limit ${i}`)).status).toBe(201);
    const before = await messageCount();

    const refused = await send(customer.token, "one too many");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: catalogs.api.en.rate_limited } });

    // The web chat shares the count: the same user is refused there too, with its own message key.
    const web = await postServerAction(http.app.url, customer.cookie, { file: "lib/participant-chat/actions.ts", name: "sendChatMessageAction", path: `/chat/${http.own.sessionId}` }, { sessionId: http.own.sessionId, body: "from the browser" });
    expect(web.text).toContain('"code":"rate_limited"');
    expect(web.text).toContain('"message":"sendingTooFast"');
    expect(catalogs.chat.ar.sendingTooFast).toBeTruthy();
    expect(await messageCount()).toBe(before);

    // Another participant is not held back by the customer's rate.
    expect((await send(vendor.token, "the vendor may still answer")).status).toBe(201);

    // The window ends (moved back instead of waited for): sending works again, counted from one.
    await http.sql.query(`UPDATE send_rate_windows SET window_start = now() - interval '3601 seconds' WHERE user_id = $1`, [customer.userId]);
    expect((await send(customer.token, "a new window")).status).toBe(201);
    const { rows } = await http.sql.query<{ sent: number }>(`SELECT sent FROM send_rate_windows WHERE user_id = $1`, [customer.userId]);
    expect(rows[0]!.sent).toBe(1);
  }, 60_000);

  it("concurrent sends of one user are all counted: exactly the limit gets through", async () => {
    const { customer } = http.callers;
    await http.sql.query(`UPDATE send_rate_windows SET window_start = now(), sent = 0 WHERE user_id = $1`, [customer.userId]);
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => send(customer.token, `burst ${i}`).then((response) => response.status)));
    expect(statuses.filter((status) => status === 201)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - LIMIT);
  }, 60_000);
});

describe("bearer tokens' lifetime", () => {
  it(`a token unused for ${TOKEN_IDLE_DAYS} days answers 401; one used within them works`, async () => {
    const idle = await insertToken(http.sql, http.callers.vendor.userId);
    const recent = await insertToken(http.sql, http.callers.vendor.userId);
    await http.sql.query(`UPDATE api_tokens SET created_at = now() - interval '90 days', last_used_at = now() - make_interval(days => $1) - interval '1 minute' WHERE token_hash = encode(sha256($2::bytea), 'hex')`, [TOKEN_IDLE_DAYS, idle]);
    await http.sql.query(`UPDATE api_tokens SET created_at = now() - interval '90 days', last_used_at = now() - make_interval(days => $1) + interval '1 hour' WHERE token_hash = encode(sha256($2::bytea), 'hex')`, [TOKEN_IDLE_DAYS, recent]);
    const sessions = (token: string) => fetch(`${http.app.url}/api/v1/sessions?lang=en`, { headers: { authorization: `Bearer ${token}` } });
    const refused = await sessions(idle);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await sessions(recent)).status).toBe(200);
    // A never-used token counts from its creation.
    const unused = await insertToken(http.sql, http.callers.vendor.userId);
    await http.sql.query(`UPDATE api_tokens SET created_at = now() - make_interval(days => $1) - interval '1 minute' WHERE token_hash = encode(sha256($2::bytea), 'hex')`, [TOKEN_IDLE_DAYS, unused]);
    expect((await sessions(unused)).status).toBe(401);
  }, 60_000);
});
