import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as issueToken } from "@/app/api/v1/tokens/route";
import { POST as startSession } from "@/app/api/v1/sessions/route";
import { POST as sendMessage } from "@/app/api/v1/sessions/[id]/messages/route";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { catalogs } from "@/lib/i18n/catalogs";
import { forgetMobileChatSetting } from "@/lib/settings/mobile-chat";
import { createProduct, resetDatabase } from "../support/fixtures";

// A fault after the commit, before the answer: announcing the change (the step between the two) fails once.
const faults = vi.hoisted(() => ({ failNextPublish: false }));
vi.mock("@/lib/realtime/bus", async (original) => {
  const actual = await original<typeof import("@/lib/realtime/bus")>();
  return {
    ...actual,
    publishEvent: async (...args: Parameters<typeof actual.publishEvent>) => {
      if (faults.failNextPublish) {
        faults.failNextPublish = false;
        throw new Error("the process died after the commit");
      }
      return actual.publishEvent(...args);
    },
  };
});

const BASE = "http://localhost/api/v1";
let token: string;
let customerId: number;
let productId: number;
let sessionId: number;

function call(path: string, body: unknown, key?: string) {
  const headers = new Headers({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  if (key !== undefined) headers.set("idempotency-key", key);
  return new Request(`${BASE}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const send = (body: string, key?: string) => sendMessage(call(`/sessions/${sessionId}/messages`, { body }, key), params(sessionId));
const messagesStored = () => db.chatMessage.count({ where: { sessionId } });

beforeEach(async () => {
  await resetDatabase();
  forgetMobileChatSetting();
  faults.failNextPublish = false;
  const customer = await db.user.create({ data: { name: "C", email: "c@idem.test", role: "customer", passwordHash: await hashPassword("secret-pass") } });
  const vendor = await db.user.create({ data: { name: "V", email: "v@idem.test", role: "vendor", passwordHash: await hashPassword("secret-pass") } });
  customerId = customer.id;
  const issued = await issueToken(new Request(`${BASE}/tokens`, { method: "POST", body: JSON.stringify({ email: "c@idem.test", password: "secret-pass" }) }), undefined as never);
  token = ((await issued.json()) as { token: string }).token;
  productId = (await createProduct(vendor.id, "Lamp")).id;
  sessionId = ((await (await startSession(call("/sessions", { productId }), undefined as never)).json()) as { id: number }).id;
});

describe("Idempotency-Key on the mobile API's sends", () => {
  it("the same key and body again: the first answer, replayed, and nothing new stored", async () => {
    const first = await send("Is it in stock?", "key-1");
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstText = await first.text();
    const again = await send("Is it in stock?", "key-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstText);
    expect(await messagesStored()).toBe(1);
    expect(await db.notification.count()).toBe(1);
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: sessionId }, select: { messageCount: true } })).toEqual({ messageCount: 1 });
  });

  it("the same key with another body is 422, localized, and stores nothing", async () => {
    expect((await send("first", "key-2")).status).toBe(201);
    const other = await send("second", "key-2");
    expect(other.status).toBe(422);
    expect(await other.json()).toEqual({ error: { code: "idempotency_key_reused", message: catalogs.api.ar.idempotency_key_reused } });
    // …and on another route too: a key names one write.
    expect((await startSession(call("/sessions", { productId }, "key-2"), undefined as never)).status).toBe(422);
    expect(await messagesStored()).toBe(1);
  });

  it("a fault after the commit, before the answer, then the retry: exactly one message, and the retry gets its answer", async () => {
    faults.failNextPublish = true;
    const failed = await send("sent once", "key-3");
    expect(failed.status).toBe(500);
    expect(await messagesStored()).toBe(1);
    const retry = await send("sent once", "key-3");
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const { message } = (await retry.json()) as { message: { id: number; body: string; createdAt: string } };
    const stored = await db.chatMessage.findFirstOrThrow({ where: { sessionId } });
    expect(message).toMatchObject({ id: stored.id, body: "sent once", createdAt: stored.createdAt.toISOString() });
    expect(await messagesStored()).toBe(1);
  });

  it("ten concurrent requests with one key: one message, ten identical answers", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => send("at once", "key-4")));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const texts = await Promise.all(answers.map((answer) => answer.text()));
    expect(new Set(texts).size).toBe(1);
    expect(await messagesStored()).toBe(1);
  });

  it("a keyed send counts against the send rate once: its replay is free, and one refused for the rate stores nothing and may try its key again", async () => {
    vi.stubEnv("SEND_RATE_LIMIT", "2");
    vi.stubEnv("SEND_RATE_WINDOW_SECONDS", "3600");
    try {
      expect((await send("one", "rate-1")).status).toBe(201);
      expect((await send("one", "rate-1")).headers.get("idempotent-replayed")).toBe("true");
      expect((await send("two", "rate-2")).status).toBe(201);
      const refused = await send("three", "rate-3");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await messagesStored()).toBe(2);
      expect(await db.idempotencyKey.count({ where: { key: "rate-3" } })).toBe(0);
      await db.$executeRaw`UPDATE send_rate_windows SET window_start = now() - interval '2 hours'`;
      expect((await send("three", "rate-3")).status).toBe(201);
      expect(await messagesStored()).toBe(3);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("keys count for 24 hours: an expired key is a new write", async () => {
    expect((await send("yesterday", "key-5")).status).toBe(201);
    await db.$executeRaw`UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute'`;
    const today = await send("today", "key-5");
    expect(today.status).toBe(201);
    expect(today.headers.get("idempotent-replayed")).toBeNull();
    expect(await messagesStored()).toBe(2);
  });

  it("keys are per user, must be 1–255 visible characters, and without one every send is a new message", async () => {
    expect((await send("x", "bad key with spaces")).status).toBe(400);
    expect((await send("x", "k".repeat(256))).status).toBe(400);
    expect(await db.idempotencyKey.count()).toBe(0);
    expect((await send("plain")).status).toBe(201);
    expect((await send("plain")).status).toBe(201);
    expect(await messagesStored()).toBe(2);
    expect(await db.idempotencyKey.count({ where: { userId: customerId } })).toBe(0);
  });

  it("starting a session: the replay is the first answer (201, created), not a second start's 200", async () => {
    await db.chatSession.deleteMany();
    const first = await startSession(call("/sessions", { productId }, "start-1"), undefined as never);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ created: true });
    const again = await startSession(call("/sessions", { productId }, "start-1"), undefined as never);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(created);
    expect(await db.chatSession.count()).toBe(1);
  });
});
