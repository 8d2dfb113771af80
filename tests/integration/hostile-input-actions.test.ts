import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { catalogs } from "@/lib/i18n/catalogs";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, resetDatabase } from "../support/fixtures";
import { discoverServerActions, type DiscoveredAction } from "../support/server-actions";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

const hostileStrings = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom("'; DROP TABLE chat_sessions; --", "<script>alert(1)</script>", "\u0000\uFFFF\uD800", "x".repeat(20_000), "١٢٣", "NaN", "-1", "1e309"),
);
const hostileValues = fc.oneof(
  hostileStrings,
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, [], {}),
  fc.date({ noInvalidDate: false }),
);
const hostileInput = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom("id", "ids", "sessionId", "productId", "customerId", "vendorId", "orderId", "body", "kind", "query", "scope", "lastMessageAt", "filters", "all", "messageIds", "name", "email", "role", "password"), hostileValues),
);

async function databaseFingerprint(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ fingerprint: string }[]>(
    `SELECT concat_ws('|', (SELECT count(*) FROM users), (SELECT count(*) FROM chat_sessions), (SELECT count(*) FROM chat_messages),
                        (SELECT count(*) FROM chat_messages WHERE read_at IS NULL), (SELECT sum(total) FROM unread_totals),
                        (SELECT max(updated_at) FROM chat_sessions)) AS fingerprint`,
  );
  return rows[0]!.fingerprint;
}

// Every error message is a catalog key, shown in the user's language.
const catalogKeys = new Set(Object.values(catalogs).flatMap((catalog) => Object.keys(catalog.ar)));

// Always tried first, whatever the random runs draw: NUL in every key, and a NUL name.
const NUL_EXAMPLES: [unknown][] = [
  [Object.fromEntries(["id", "sessionId", "productId", "customerId", "vendorId", "body", "kind", "query", "name", "email", "role", "password"].map((key) => [key, "\u0000"]))],
  [{ sessionId: 1, senderId: 1, body: "\u0000" }],
  [{ kind: "product", query: "\u0000" }],
];

let actions: { name: string; action: DiscoveredAction }[] = [];
beforeAll(async () => {
  actions = await discoverServerActions();
});
beforeEach(async () => {
  await resetDatabase();
  const { session, customer } = await createSessionFixture();
  await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "hello" } });
});

describe("hostile input to every server action", () => {
  it("is refused with a typed, localized error (never a throw or a 500) and leaves the database unchanged", async () => {
    actAs("admin");
    const tried: string[] = [];
    for (const { name, action } of actions) {
      await fc.assert(
        fc.asyncProperty(hostileInput, async (input) => {
          const before = await databaseFingerprint();
          const result = await action(input);
          expect(typeof result.ok, name).toBe("boolean");
          if (!result.ok) {
            expect(["invalid", "not_found", "conflict", "forbidden"], name).toContain(result.error?.code);
            expect(catalogKeys.has(result.error?.message ?? ""), `${name}: ${JSON.stringify(result.error)}`).toBe(true);
            // "errorBody" is what an unexpected failure (logged) answers: a refusal must say why.
            expect(result.error?.message, `${name}: an unexpected error, not a refusal: ${String(JSON.stringify(input)).slice(0, 200)}`).not.toBe("errorBody");
            expect(await databaseFingerprint(), `${name} changed the database on a refused input`).toBe(before);
          }
        }),
        { numRuns: 40, examples: NUL_EXAMPLES },
      );
      tried.push(name);
    }
    expect(tried.length).toBe(actions.length);
  }, 120_000);
});

describe("a change racing a delete", () => {
  it("whose write names a row deleted meanwhile is told so (not_found, in the user's words), not an unexpected error", async () => {
    actAs("admin");
    const { session, customer } = await createSessionFixture();
    await db.chatSession.delete({ where: { id: session.id } });
    // The use case checked the session before the delete; its write comes after.
    const writeAfterCheck = defineAction("messages.reply", z.object({}), () => db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "late" } }));
    expect(await writeAfterCheck({})).toEqual({ ok: false, error: { code: "not_found", message: "goneMeanwhile" } });
    expect(catalogKeys.has("goneMeanwhile")).toBe(true);
  });
});
