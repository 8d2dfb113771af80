import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT_RULE, ADDRESS_RULE, SharedSignInThrottle } from "@/lib/auth/sign-in-throttle";

// Two "instances": two throttles on two independent pools of the same database, as two
// `next start` processes behind a balancer would be. One clock, fixed, so nothing depends on time.
const url = process.env.DATABASE_URL!;
const poolA = new pg.Pool({ connectionString: url, max: 10 });
const poolB = new pg.Pool({ connectionString: url, max: 10 });
let now = Date.parse("2026-11-25T09:00:00Z");
const clock = () => now;
const a = new SharedSignInThrottle(() => poolA, clock);
const b = new SharedSignInThrottle(() => poolB, clock);

async function row(key: string) {
  const { rows } = await poolA.query<{ failures: number; locked: boolean }>(
    `SELECT cardinality(failures) AS failures, locked_until IS NOT NULL AS locked FROM sign_in_attempts WHERE key = $1`,
    [key],
  );
  return rows[0];
}

beforeEach(async () => {
  now = Date.parse("2026-11-25T09:00:00Z");
  await poolA.query("DELETE FROM sign_in_attempts");
});
afterAll(async () => {
  await poolA.end();
  await poolB.end();
});

describe("sign-in throttle shared through PostgreSQL", () => {
  it("locks an account after 5 failures spread over two instances, on both, and lets it in after the lock", async () => {
    for (let i = 0; i < 3; i += 1) await a.recordFailure("account:x@test", ACCOUNT_RULE);
    expect(await b.recordFailure("account:x@test", ACCOUNT_RULE)).toBe(0);
    expect(await a.lockedFor("account:x@test")).toBe(0);
    expect(await b.lockedFor("account:x@test")).toBe(0);
    expect(await b.recordFailure("account:x@test", ACCOUNT_RULE)).toBe(ACCOUNT_RULE.lockMs);
    expect(await a.lockedFor("account:x@test")).toBe(ACCOUNT_RULE.lockMs);
    expect(await b.lockedFor("account:x@test")).toBe(ACCOUNT_RULE.lockMs);
    expect(await a.lockedFor("account:other@test")).toBe(0);
    now += ACCOUNT_RULE.lockMs - 1_000;
    expect(await a.lockedFor("account:x@test")).toBe(1_000);
    now += 1_000;
    expect(await b.lockedFor("account:x@test")).toBe(0);
  });

  it("forgets failures older than the window; a success on one instance clears the account on both", async () => {
    for (let i = 0; i < 4; i += 1) await a.recordFailure("account:y@test", ACCOUNT_RULE);
    now += ACCOUNT_RULE.windowMs;
    expect(await b.recordFailure("account:y@test", ACCOUNT_RULE)).toBe(0);
    expect(await row("account:y@test")).toEqual({ failures: 1, locked: false });
    for (let i = 0; i < 3; i += 1) await a.recordFailure("account:y@test", ACCOUNT_RULE);
    await b.recordSuccess("account:y@test");
    expect(await row("account:y@test")).toBeUndefined();
    for (let i = 0; i < 4; i += 1) await a.recordFailure("account:y@test", ACCOUNT_RULE);
    expect(await b.lockedFor("account:y@test")).toBe(0);
  });

  it("counts every one of 29 concurrent failures from two instances (none lost), and the 30th locks the address", async () => {
    const key = "address:203.0.113.7";
    const results = await Promise.all(
      Array.from({ length: ADDRESS_RULE.maxFailures - 1 }, (_, i) => (i % 2 ? a : b).recordFailure(key, ADDRESS_RULE)),
    );
    expect(results).toEqual(Array(ADDRESS_RULE.maxFailures - 1).fill(0));
    expect(await row(key)).toEqual({ failures: ADDRESS_RULE.maxFailures - 1, locked: false });
    expect(await a.recordFailure(key, ADDRESS_RULE)).toBe(ADDRESS_RULE.lockMs);
    expect(await b.lockedFor(key)).toBe(ADDRESS_RULE.lockMs);
  });

  it("locks exactly once per 5 failures when 50 concurrent failures race on one account", async () => {
    const key = "account:race@test";
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).recordFailure(key, ACCOUNT_RULE)));
    expect(results.filter((ms) => ms > 0)).toHaveLength(50 / ACCOUNT_RULE.maxFailures);
    expect(await row(key)).toEqual({ failures: 0, locked: true });
  });

  it("prunes rows no failure of which counts any more (retention 15 min), keeps recent and locked ones", async () => {
    await a.recordFailure("account:old@test", ACCOUNT_RULE);
    now += 10 * 60_000;
    await a.recordFailure("account:recent@test", ACCOUNT_RULE);
    for (let i = 0; i < 5; i += 1) await a.recordFailure("account:locked@test", ACCOUNT_RULE);
    now += 5 * 60_000 + 1;
    expect(await b.prune()).toBe(1);
    const { rows } = await poolB.query<{ key: string }>("SELECT key FROM sign_in_attempts ORDER BY key");
    expect(rows.map((r) => r.key)).toEqual(["account:locked@test", "account:recent@test"]);
    expect(await b.prune()).toBe(0);
  });
});

describe("the panel's sign-in (next-auth authorize) uses the shared throttle", () => {
  it("5 wrong passwords lock the account in the database: a second instance sees the lock, and the right password is refused", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const { hashPassword } = await import("@/lib/auth/password");
    const { SIGN_IN_LOCKED } = await import("@/lib/auth/sign-in-throttle");
    const { db } = await import("@/lib/db");
    const email = `locked-${Date.now()}@test.local`;
    await db.user.create({ data: { name: "Locked", role: "support", email, passwordHash: await hashPassword("right-password") } });
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>) => Promise<unknown> };
    };
    const { withClientAddress } = await import("@/lib/http/client-address");
    // as scripts/serve.ts hands the client's address to the app
    const authorize = (password: string) => withClientAddress("198.51.100.9", () => provider.options.authorize({ email, password }));
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i += 1) expect(await authorize("wrong-password")).toBeNull();
    // the app's own clock is the database's: the lock is ~15 minutes from now for instance B too
    const otherInstance = new SharedSignInThrottle(() => poolB);
    expect(await otherInstance.lockedFor(`account:${email}`)).toBeGreaterThan(ACCOUNT_RULE.lockMs - 60_000);
    await expect(authorize("right-password")).rejects.toThrow(SIGN_IN_LOCKED);
    expect(await row("address:198.51.100.9")).toEqual({ failures: ACCOUNT_RULE.maxFailures, locked: false });
    await otherInstance.recordSuccess(`account:${email}`);
    expect(await authorize("right-password")).toMatchObject({ email, role: "support" });
  });
  it("the mobile app's sign-in (POST /api/v1/tokens) counts against the same account lock as the panel's", async () => {
    const { POST } = await import("@/app/api/v1/tokens/route");
    const { hashPassword } = await import("@/lib/auth/password");
    const { db } = await import("@/lib/db");
    const email = `app-${Date.now()}@test.local`;
    await db.user.create({ data: { name: "App user", role: "customer", email, passwordHash: await hashPassword("right-password") } });
    const signIn = (password: string) =>
      POST(new Request("http://localhost/api/v1/tokens?lang=en", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) }), undefined);
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i += 1) expect((await signIn("wrong-password")).status).toBe(401);
    expect((await signIn("right-password")).status).toBe(429);
    // the lock is in the database, where every instance (and the panel's sign-in) sees it
    expect(await new SharedSignInThrottle(() => poolB).lockedFor(`account:${email}`)).toBeGreaterThan(0);
    await b.recordSuccess(`account:${email}`);
    expect((await signIn("right-password")).status).toBe(201);
  });
});
