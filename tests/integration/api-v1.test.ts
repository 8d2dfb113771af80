import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as issueToken, DELETE as revokeToken } from "@/app/api/v1/tokens/route";
import { GET as listSessions, POST as startSession } from "@/app/api/v1/sessions/route";
import { GET as listMessages, POST as sendMessage } from "@/app/api/v1/sessions/[id]/messages/route";
import { POST as markRead } from "@/app/api/v1/sessions/[id]/read/route";
import { GET as config } from "@/app/api/v1/config/route";
import { GET as events } from "@/app/api/v1/events/route";
import { GET as listNotifications } from "@/app/api/v1/notifications/route";
import { openApiDocument } from "@/lib/api/openapi";
import { hashPassword } from "@/lib/auth/password";
import { addMessage } from "@/lib/chat-sessions/messages/add-message";
import { deleteMessage } from "@/lib/chat-sessions/messages/delete-message";
import { eventLogPrunedThrough, pruneEventLog } from "@/lib/realtime/event-log";
import { db } from "@/lib/db";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { forgetMobileChatSetting, setMobileChatEnabled } from "@/lib/settings/mobile-chat";
import { SseReader } from "../support/sse-client";
import { countersFromMessages, createProduct, createUser, resetDatabase } from "../support/fixtures";

// Bursts of sends here check order, counters and delivery under load, not the send rate
// (send-rate-and-token-lifetime.test.ts does): the rule is read at each send, so lift it.
process.env.SEND_RATE_LIMIT = "1000000";

const BASE = "http://localhost/api/v1";
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  return new Request(`${BASE}${path}`, { ...init, headers });
}
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const json = async (response: Response) => (await response.json()) as Json;

let customer: { id: number; token: string };
let vendor: { id: number; token: string };
let stranger: { token: string };
let productId: number;

async function person(role: "customer" | "vendor", email: string) {
  const user = await db.user.create({ data: { name: email, email, role, passwordHash: await hashPassword("secret-pass") } });
  const response = await issueToken(call("/tokens", { method: "POST", body: JSON.stringify({ email, password: "secret-pass" }) }), undefined as never);
  expect(response.status).toBe(201);
  return { id: user.id, token: ((await response.json()) as { token: string }).token };
}

beforeEach(async () => {
  await resetDatabase();
  forgetMobileChatSetting();
  customer = await person("customer", "c@api.test");
  vendor = await person("vendor", "v@api.test");
  stranger = await person("customer", "s@api.test");
  productId = (await createProduct(vendor.id, "Lamp")).id;
});

/** The user's event log ids (what their stream sends as SSE ids), in order, as the stream writes them. */
async function eventIdsOf(userId: number): Promise<string[]> {
  return (await db.userEvent.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true } })).map((event) => String(event.id));
}

async function startAsCustomer(): Promise<number> {
  const response = await startSession(call("/sessions", { method: "POST", token: customer.token, body: JSON.stringify({ productId }) }), undefined as never);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

describe("the mobile API (/api/v1)", () => {
  it("refuses no token, a wrong token and a revoked token with 401 and a localized message", async () => {
    const none = await listSessions(call("/sessions"), undefined as never);
    expect(none.status).toBe(401);
    expect((await json(none)).error).toEqual({ code: "unauthorized", message: "سجّل الدخول أولًا: رمز الدخول مفقود أو غير صالح أو أُلغي." });
    const english = await listSessions(call("/sessions?lang=en", { token: "x".repeat(43) }), undefined as never);
    expect((await json(english)).error?.message).toMatch(/^Sign in first/);
    await revokeToken(call("/tokens", { method: "DELETE", token: customer.token }), undefined as never);
    expect((await listSessions(call("/sessions", { token: customer.token }), undefined as never)).status).toBe(401);
  });

  it("FLOW-1 starts a session with the product's vendor (reused the second time), sends, notifies and marks read", async () => {
    const sessionId = await startAsCustomer();
    const again = await startSession(call("/sessions", { method: "POST", token: customer.token, body: JSON.stringify({ productId }) }), undefined as never);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(sessionId);
    const sent = await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: "Is it in stock?" }) }), params(sessionId));
    expect(sent.status).toBe(201);
    expect(await db.notification.count({ where: { userId: vendor.id, readAt: null } })).toBe(1);
    const read = await markRead(call(`/sessions/${sessionId}/read`, { method: "POST", token: vendor.token }), params(sessionId));
    expect(await read.json()).toEqual({ messages: 1 });
    expect(await db.notification.count({ where: { userId: vendor.id, readAt: null } })).toBe(0);
    const page = await json(await listMessages(call(`/sessions/${sessionId}/messages`, { token: vendor.token }), params(sessionId)));
    expect((page.messages as { body: string; readAt: string | null }[])[0]).toMatchObject({ body: "Is it in stock?" });
    expect((page.messages as { readAt: string | null }[])[0]!.readAt).not.toBeNull();
  });

  it("a message support wrote in the vendor's name says it came from the marketplace's support, never who; every message is the contract's Message", async () => {
    const sessionId = await startAsCustomer();
    const sent = await json(await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: "Is it in stock?" }) }), params(sessionId)));
    const sara = await createUser("support", "Sara Staffer");
    await addMessage({ sessionId, senderId: vendor.id, body: "Yes, two left" }, sara);
    const response = await listMessages(call(`/sessions/${sessionId}/messages`, { token: customer.token }), params(sessionId));
    const text = await response.text();
    expect(text).not.toMatch(/Sara|writtenBy/);
    const { messages } = JSON.parse(text) as { messages: { body: string; sender: { id: number }; fromMarketplaceSupport: boolean }[] };
    expect(messages.map((m) => [m.body, m.sender.id, m.fromMarketplaceSupport])).toEqual([
      ["Yes, two left", vendor.id, true],
      ["Is it in stock?", customer.id, false],
    ]);
    const contract = openApiDocument.components.schemas.Message;
    for (const message of [...messages, sent.message as object]) {
      expect(Object.keys(message).sort()).toEqual([...contract.required].sort());
      expect(Object.keys(contract.properties).sort()).toEqual([...contract.required].sort());
    }
    const notices = await json(await listNotifications(call("/notifications", { token: customer.token }), undefined as never));
    expect(JSON.stringify(notices)).not.toMatch(/Sara|writtenBy/);
    expect((notices.notifications as { message: { fromMarketplaceSupport: boolean } }[]).map((n) => n.message.fromMarketplaceSupport)).toEqual([true]);
  });

  it("someone else's session is 404 for every endpoint, and nothing leaks or changes", async () => {
    const sessionId = await startAsCustomer();
    for (const response of [
      await listMessages(call(`/sessions/${sessionId}/messages`, { token: stranger.token }), params(sessionId)),
      await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: stranger.token, body: JSON.stringify({ body: "hi" }) }), params(sessionId)),
      await markRead(call(`/sessions/${sessionId}/read`, { method: "POST", token: stranger.token }), params(sessionId)),
    ]) {
      expect(response.status).toBe(404);
      const body = await json(response);
      expect(body.error?.code).toBe("not_found");
      expect(JSON.stringify(body)).not.toContain("Lamp");
    }
    expect(await db.chatMessage.count()).toBe(0);
  });

  it("refuses empty, oversize, malformed and wrongly typed bodies with 4xx, never 500", async () => {
    const sessionId = await startAsCustomer();
    const send = (body: string) => sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body }), params(sessionId));
    expect((await send("")).status).toBe(400);
    expect((await send("{")).status).toBe(400);
    expect((await json(await send("{"))).error?.code).toBe("malformed_json");
    expect((await send(JSON.stringify({ body: "   " }))).status).toBe(400);
    expect((await send(JSON.stringify({ body: 42 }))).status).toBe(400);
    expect((await send(JSON.stringify({ body: "x", extra: true }))).status).toBe(400);
    expect((await send(JSON.stringify({ body: "x".repeat(20_000) }))).status).toBe(413);
    expect((await listMessages(call(`/sessions/abc/messages`, { token: customer.token }), params("abc"))).status).toBe(400);
    expect((await listMessages(call(`/sessions/99999999999/messages`, { token: customer.token }), params("99999999999"))).status).toBe(400);
    expect(await db.chatMessage.count()).toBe(0);
  });

  it("100 messages sent at once into one session keep their order and exact counters", async () => {
    const sessionId = await startAsCustomer();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: i % 2 ? vendor.token : customer.token, body: JSON.stringify({ body: `m${i}` }) }), params(sessionId)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(await countersFromMessages()).toEqual([{ id: sessionId, messages: 100, unread: 100 }]);
    expect(await getUnreadTotal()).toBe(100);
    expect(await db.notification.count()).toBe(100);
    // Every message once, newest first in one stable order (time of sending, then id), page after page.
    const seen: { id: number; createdAt: string }[] = [];
    let before: number | null = null;
    do {
      const page = await json(await listMessages(call(`/sessions/${sessionId}/messages${before ? `?before=${before}` : ""}`, { token: vendor.token }), params(sessionId)));
      seen.push(...(page.messages as { id: number; createdAt: string }[]));
      before = page.nextBefore as number | null;
    } while (before);
    expect(new Set(seen.map((m) => m.id)).size).toBe(100);
    const expected = await db.chatMessage.findMany({ where: { sessionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen.map((m) => m.id)).toEqual(expected.map((m) => m.id));
  });

  it("sends both ways between shared users, admins' messages and read receipts, all at once, never deadlock; every event is logged once per participant", async () => {
    // Two customers × two vendors: four sessions whose users cross, so concurrent writers lock the same users from both sides.
    const otherCustomer = await person("customer", "c2@api.test");
    const otherVendor = await person("vendor", "v2@api.test");
    const otherProduct = (await createProduct(otherVendor.id, "Desk")).id;
    const sessions: { id: number; customer: { id: number; token: string }; vendor: { id: number; token: string } }[] = [];
    for (const buyer of [customer, otherCustomer]) {
      for (const [seller, product] of [[vendor, productId], [otherVendor, otherProduct]] as const) {
        const started = await startSession(call("/sessions", { method: "POST", token: buyer.token, body: JSON.stringify({ productId: product }) }), undefined as never);
        sessions.push({ id: ((await started.json()) as { id: number }).id, customer: buyer, vendor: seller });
      }
    }
    const agent = await createUser("support");
    const writes = sessions.flatMap(({ id, customer: buyer, vendor: seller }) => [
      ...Array.from({ length: 12 }, (_, i) => async () => {
        const response = await sendMessage(call(`/sessions/${id}/messages`, { method: "POST", token: i % 2 ? seller.token : buyer.token, body: JSON.stringify({ body: `x${i}` }) }), params(id));
        expect(response.status).toBe(201);
      }),
      ...Array.from({ length: 3 }, (_, i) => async () => void (await addMessage({ sessionId: id, senderId: i % 2 ? buyer.id : seller.id, body: `panel ${i}` }, agent))),
      ...[buyer, seller].map((reader) => async () => expect((await markRead(call(`/sessions/${id}/read`, { method: "POST", token: reader.token }), params(id))).status).toBe(200)),
    ]);
    await Promise.all(writes.sort(() => 0.5 - Math.random()).map((write) => write()));
    // Counters exact, and every message is in both participants' logs, once (in the order the
    // messages committed, which need not be the order their ids were drawn in).
    const counted = await countersFromMessages();
    for (const { id } of sessions) expect(counted.find((row) => row.id === id)?.messages).toBe(15);
    for (const user of [customer, vendor, otherCustomer, otherVendor]) {
      const logged = await db.userEvent.findMany({ where: { userId: user.id, kind: "message" }, select: { messageId: true } });
      const messages = await db.chatMessage.findMany({ where: { session: { OR: [{ customerId: user.id }, { vendorId: user.id }] } }, orderBy: { id: "asc" }, select: { id: true } });
      expect(logged.map((event) => event.messageId).sort((a, b) => a! - b!)).toEqual(messages.map((message) => message.id));
    }
  });

  it("sends arriving together share one statement, yet each stands alone: a stranger's is 404, a deleted session's fails alone", async () => {
    const sessionId = await startAsCustomer();
    const other = await createProduct(vendor.id, "Desk");
    const second = ((await json(await startSession(call("/sessions", { method: "POST", token: customer.token, body: JSON.stringify({ productId: other.id }) }), undefined as never))) as { id: number }).id;
    const send = (id: number, token: string, body: string) => sendMessage(call(`/sessions/${id}/messages`, { method: "POST", token, body: JSON.stringify({ body }) }), params(id));
    const first = await Promise.all([send(sessionId, customer.token, "a"), send(sessionId, stranger.token, "x"), send(second, vendor.token, "b"), send(sessionId, vendor.token, "c")]);
    expect(first.map((r) => r.status)).toEqual([201, 404, 201, 201]);
    const bodies = await Promise.all(first.map(json));
    expect([bodies[0]!.message, bodies[2]!.message, bodies[3]!.message].map((m) => (m as { body: string }).body)).toEqual(["a", "b", "c"]);
    // A session deleted while its send waits in a batch fails that send only (the batch is retried one by one).
    const doomed = await send(second, customer.token, "first of the second");
    expect(doomed.status).toBe(201);
    const racing = Promise.all([send(sessionId, customer.token, "d"), send(second, customer.token, "gone"), send(sessionId, vendor.token, "e")]);
    await db.chatSession.delete({ where: { id: second } });
    const statuses = (await racing).map((r) => r.status);
    expect([statuses[0], statuses[2]]).toEqual([201, 201]);
    expect([201, 404]).toContain(statuses[1]);
    expect(await countersFromMessages()).toEqual(await db.chatSession.findMany({ orderBy: { id: "asc" }, select: { id: true, messageCount: true, unreadCount: true } }).then((rows) => rows.map((r) => ({ id: r.id, messages: r.messageCount, unread: r.unreadCount }))));
    expect(await db.notification.count()).toBe(await db.chatMessage.count());
  });

  it("a session deleted while a send waits on it (the delete not yet committed) answers that send 404, never 500", async () => {
    const sessionId = await startAsCustomer();
    const deleter = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "racing-delete" });
    await deleter.connect();
    try {
      await deleter.query("BEGIN");
      await deleter.query("DELETE FROM chat_sessions WHERE id = $1", [sessionId]);
      // The send's statement still sees the session (the delete is not committed), so it inserts
      // and waits on the deleter's row lock; once the delete commits, its foreign key fails.
      const sending = sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: "too late" }) }), params(sessionId));
      await expect
        .poll(async () => (await db.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()"))[0]!.n)
        .toBeGreaterThan(0);
      await deleter.query("COMMIT");
      const refused = await sending;
      expect(refused.status).toBe(404);
      expect((await json(refused)).error?.code).toBe("not_found");
    } finally {
      await deleter.end();
    }
    expect(await db.chatMessage.count()).toBe(0);
  });

  it("a token's user is kept briefly, but a revoked token is refused at once, and its last use is noted", async () => {
    const sessionId = await startAsCustomer();
    const send = () => sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: "hi" }) }), params(sessionId));
    expect((await send()).status).toBe(201);
    // Written after the answer, never waited on.
    await expect.poll(async () => (await db.apiToken.findFirstOrThrow({ where: { userId: customer.id } })).lastUsedAt).not.toBeNull();
    await revokeToken(call("/tokens", { method: "DELETE", token: customer.token }), undefined as never);
    const refused = await send();
    expect(refused.status).toBe(401);
    expect((await json(refused)).error?.code).toBe("unauthorized");
  });

  it("SET-1 off: the chat endpoints answer 403 chat_disabled and /config says so", async () => {
    await db.setting.create({ data: { key: "mobileChatEnabled", value: false } });
    forgetMobileChatSetting();
    const refused = await listSessions(call("/sessions?lang=en", { token: customer.token }), undefined as never);
    expect(refused.status).toBe(403);
    expect((await json(refused)).error).toEqual({ code: "chat_disabled", message: "Chat is turned off in the app for now." });
    expect(await json(await config(call("/config"), undefined as never))).toEqual({ mobileChatEnabled: false });
  });

  it("SSE: reconnecting with Last-Event-ID replays exactly the events that were missed", async () => {
    const sessionId = await startAsCustomer();
    for (let i = 0; i < 5; i += 1) {
      await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: `q${i}` }) }), params(sessionId));
    }
    const ids = (await eventIdsOf(vendor.id)).map(Number);
    expect(ids).toHaveLength(6); // the session started, then five messages
    const controller = new AbortController();
    const response = await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${vendor.token}`, "last-event-id": String(ids[1]) }, signal: controller.signal }), undefined as never);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    let text = "";
    while ((text.match(/^id: /gm) ?? []).length < 4) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel();
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual(ids.slice(2));
    expect(text).toContain("event: message");
  });

  it("SSE: after the replay, live events follow once each, in order, with the next ids", async () => {
    const sessionId = await startAsCustomer();
    const sendAs = (token: string, body: string) => sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token, body: JSON.stringify({ body }) }), params(sessionId));
    await sendAs(customer.token, "before 1");
    await sendAs(customer.token, "before 2");
    const [first] = await eventIdsOf(vendor.id);
    const controller = new AbortController();
    const response = await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${vendor.token}`, "last-event-id": first! }, signal: controller.signal }), undefined as never);
    const sse = new SseReader(response);
    await sse.waitFor(() => sse.events.filter((event) => event.id !== null).length === 2); // "before 1" and "before 2"
    await Promise.all([sendAs(customer.token, "live 1"), sendAs(customer.token, "live 2"), sendAs(vendor.token, "my own reply")]);
    await sse.waitFor(() => sse.events.filter((event) => event.id !== null).length === 5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    expect(sse.events.map((event) => event.id)).toEqual((await eventIdsOf(vendor.id)).slice(1));
    // The vendor's own reply is one of them, with its id: another device of theirs resumes past it too.
    expect(sse.events.filter((event) => event.event === "message" && JSON.parse(event.data).senderId === vendor.id)).toHaveLength(1);
  });

  it("SSE: a reconnect replays every kind of event missed, once each and in order: the other side's message, my own from elsewhere, the read receipt, a session change", async () => {
    const sessionId = await startAsCustomer();
    const [started] = await eventIdsOf(vendor.id);
    // The vendor's stream is away; meanwhile:
    await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: "Is it in stock?" }) }), params(sessionId));
    const mine = await addMessage({ sessionId, senderId: vendor.id, body: "Yes (sent from the panel on my behalf)" }, await createUser("support"));
    expect((await markRead(call(`/sessions/${sessionId}/read`, { method: "POST", token: customer.token }), params(sessionId))).status).toBe(200);
    await deleteMessage({ sessionId, messageId: mine.id }, vendor.id);
    const controller = new AbortController();
    const response = await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${vendor.token}`, "last-event-id": started! }, signal: controller.signal }), undefined as never);
    const sse = new SseReader(response);
    await sse.waitFor(() => sse.events.length >= 4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    expect(sse.events.map(({ event, data }) => ({ event, data: JSON.parse(data) }))).toEqual([
      { event: "message", data: { sessionId, messageId: expect.any(Number), senderId: customer.id } },
      { event: "message", data: { sessionId, messageId: mine.id, senderId: vendor.id } },
      { event: "read", data: { sessionId } },
      { event: "session", data: { sessionId } },
    ]);
    expect(sse.events.map((event) => event.id)).toEqual((await eventIdsOf(vendor.id)).slice(1));
  });

  it("SSE: the event log keeps 30 days; resuming from before what was pruned is told to resync first, then gets what is left", async () => {
    const sessionId = await startAsCustomer();
    for (let i = 0; i < 3; i += 1) {
      await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: `q${i}` }) }), params(sessionId));
    }
    const ids = await eventIdsOf(vendor.id); // the session started, three messages
    // Everyone's events up to the vendor's second are 40 days old; a day-old one stays.
    await db.$executeRaw`UPDATE user_events SET created_at = now() - interval '40 days' WHERE id <= ${Number(ids[1])}`;
    await db.$executeRaw`UPDATE user_events SET created_at = now() - interval '1 day' WHERE id = ${Number(ids[2])}`;
    const old = await db.userEvent.count({ where: { id: { lte: Number(ids[1]) } } });
    expect(old).toBe(4); // the customer's and the vendor's
    expect(await eventLogPrunedThrough()).toBe(0);
    expect(await pruneEventLog()).toBe(old);
    expect(await pruneEventLog()).toBe(0);
    expect(await eventLogPrunedThrough()).toBe(Number(ids[1]));
    expect(await eventIdsOf(vendor.id)).toEqual(ids.slice(2));

    const resume = async (lastEventId: string, count: number) => {
      const controller = new AbortController();
      const response = await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${vendor.token}`, "last-event-id": lastEventId }, signal: controller.signal }), undefined as never);
      const sse = new SseReader(response);
      await sse.waitFor(() => sse.events.length >= count);
      await new Promise((resolve) => setTimeout(resolve, 200));
      controller.abort();
      return sse.events.map(({ event, id }) => ({ event, id }));
    };
    expect(await resume(ids[0]!, 3)).toEqual([{ event: "resync", id: null }, ...ids.slice(2).map((id) => ({ event: "message", id }))]);
    expect(await resume(ids[2]!, 1)).toEqual([{ event: "message", id: ids[3] }]);
  });

  it("SSE: many writers at once (the API and the admins' messages manager) reach the recipient each once, in id order", async () => {
    const sessionId = await startAsCustomer();
    const controller = new AbortController();
    const response = await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${vendor.token}` }, signal: controller.signal }), undefined as never);
    const sse = new SseReader(response);
    const agent = await createUser("qa");
    await new Promise((resolve) => setTimeout(resolve, 100)); // the stream has read where it starts
    await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: `api ${i}` }) }), params(sessionId))),
      ...Array.from({ length: 10 }, (_, i) => addMessage({ sessionId, senderId: customer.id, body: `panel ${i}` }, agent)),
    ]);
    await sse.waitFor(() => sse.events.filter((event) => event.id !== null).length >= 70);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    const all = (await eventIdsOf(vendor.id)).slice(1); // after the session's start, which was before the stream
    expect(all).toHaveLength(70);
    expect(sse.events.map((event) => event.id)).toEqual(all);
  });

  it("SET-1 turning chat off ends the app's open event streams; reconnecting is refused with chat_disabled", async () => {
    const admin = await db.user.create({ data: { name: "Admin", email: "a@api.test", role: "admin" } });
    const controller = new AbortController();
    const response = await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${vendor.token}` }, signal: controller.signal }), undefined as never);
    expect(response.status).toBe(200);
    const sse = new SseReader(response);
    await setMobileChatEnabled(false, admin.id);
    await Promise.race([sse.done, new Promise((_, reject) => setTimeout(() => reject(new Error("stream still open")), 5000))]);
    const again = await events(new Request(`${BASE}/events?lang=en`, { headers: { authorization: `Bearer ${vendor.token}` } }), undefined as never);
    expect(again.status).toBe(403);
    expect((await json(again)).error?.code).toBe("chat_disabled");
    await setMobileChatEnabled(true, admin.id);
  });

  it("FLOW-1 ten simultaneous starts about one product open one session", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => startSession(call("/sessions", { method: "POST", token: customer.token, body: JSON.stringify({ productId }) }), undefined as never)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: number }).id))).size).toBe(1);
    expect(await db.chatSession.count()).toBe(1);
  });

  it("a revoked token's open event stream ends; the user's other tokens keep theirs", async () => {
    const second = await issueToken(call("/tokens", { method: "POST", body: JSON.stringify({ email: "v@api.test", password: "secret-pass" }) }), undefined as never);
    const otherToken = ((await second.json()) as { token: string }).token;
    const open = async (token: string) => new SseReader(await events(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${token}` } }), undefined as never));
    const [revokedStream, keptStream] = [await open(vendor.token), await open(otherToken)];
    await revokeToken(call("/tokens", { method: "DELETE", token: vendor.token }), undefined as never);
    await Promise.race([revokedStream.done, new Promise((_, reject) => setTimeout(() => reject(new Error("stream still open")), 5000))]);
    const sessionId = await startAsCustomer();
    const sent = await sendMessage(call(`/sessions/${sessionId}/messages`, { method: "POST", token: customer.token, body: JSON.stringify({ body: "still there?" }) }), params(sessionId));
    expect(sent.status).toBe(201);
    await keptStream.waitFor((event) => event.event === "message" && event.id !== null);
  });
});
