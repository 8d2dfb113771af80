import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as issueToken } from "@/app/api/v1/tokens/route";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_RULE, ADDRESS_RULE, SIGN_IN_LOCKED } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { withClientAddress } from "@/lib/http/client-address";
import { resetDatabase } from "../support/fixtures";

// The two sign-ins, the panel's (next-auth's authorize) and the mobile app's (POST /api/v1/tokens),
// as scripts/serve.ts runs them: with the client's address at hand (lib/http/client-address.ts).

/** Every scrypt the app computes, counted (the expensive part of checking a password). */
const scryptCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: Parameters<typeof crypto.scrypt>) => {
    scryptCalls.count += 1;
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...crypto, default: { ...crypto, scrypt }, scrypt };
});

const PASSWORD = "right-password";
let passwordHash: string;
const provider = authOptions.providers[0] as unknown as { options: { authorize: (credentials: Record<string, string>) => Promise<unknown> } };

const panel = (address: string, email: string, password: string) => withClientAddress(address, () => provider.options.authorize({ email, password }));
const app = (address: string, email: string, password: string) =>
  withClientAddress(address, () =>
    issueToken(new Request("http://localhost/api/v1/tokens?lang=en", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) }), undefined),
  );
const person = (role: "admin" | "support" | "qa" | "customer" | "vendor", email: string) => db.user.create({ data: { name: email, email, role, passwordHash } });

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});
beforeEach(async () => {
  await resetDatabase();
  await db.$executeRawUnsafe("DELETE FROM sign_in_attempts");
});

describe("one throttle for both sign-ins", () => {
  it("failures at the panel and at the app count against one account lock, which both doors then keep", async () => {
    await person("customer", "both@test.local");
    for (let i = 0; i < 3; i += 1) expect(await panel("198.51.100.1", "both@test.local", "wrong")).toBeNull();
    for (let i = 3; i < ACCOUNT_RULE.maxFailures; i += 1) expect((await app("198.51.100.2", "both@test.local", "wrong")).status).toBe(401);
    await expect(panel("198.51.100.3", "both@test.local", PASSWORD)).rejects.toThrow(SIGN_IN_LOCKED);
    expect((await app("198.51.100.4", "both@test.local", PASSWORD)).status).toBe(429);
  });

  it("the app's sign-in is limited per address too: failures from one address at either door lock that address out of both, and no other", async () => {
    await person("customer", "real@test.local");
    for (let i = 0; i < ADDRESS_RULE.maxFailures; i += 1) {
      const email = `guess-${i}@test.local`; // a new account each time: only the address adds up
      if (i % 2) expect((await app("203.0.113.7", email, "guess")).status).toBe(401);
      else expect(await panel("203.0.113.7", email, "guess")).toBeNull();
    }
    expect((await app("203.0.113.7", "real@test.local", PASSWORD)).status).toBe(429);
    await expect(panel("203.0.113.7", "real@test.local", PASSWORD)).rejects.toThrow(SIGN_IN_LOCKED);
    expect((await app("203.0.113.8", "real@test.local", PASSWORD)).status).toBe(201);
    // one password hash per failure: seconds each on a busy machine
  }, 90_000);
});

describe("a right password at a door the account may not use is refused as a wrong one", () => {
  it("the app's sign-in answers a staff member's right password with the very 401 of a wrong password, and counts it as a failure", async () => {
    await person("support", "staff@test.local");
    const wrong = await app("198.51.100.9", "staff@test.local", "wrong");
    const right = await app("198.51.100.9", "staff@test.local", PASSWORD);
    expect([right.status, await right.text()]).toEqual([wrong.status, await wrong.text()]);
    expect(wrong.status).toBe(401);
    const rows = await db.$queryRawUnsafe<{ n: number }[]>("SELECT cardinality(failures) AS n FROM sign_in_attempts WHERE key = 'account:staff@test.local'");
    expect(rows).toEqual([{ n: 2 }]);
  });
  it("the panel's sign-in lets every role in (customers and vendors land on their chat)", async () => {
    for (const role of ["admin", "customer", "vendor"] as const) {
      await person(role, `${role}@door.test`);
      expect(await panel("198.51.100.10", `${role}@door.test`, PASSWORD)).toMatchObject({ role });
    }
  });
});

describe("whether an e-mail has an account does not show in the time of the answer", () => {
  it("an unknown e-mail costs the one scrypt a known account's wrong password costs, at both doors", async () => {
    await person("customer", "known@test.local");
    const cost = async (attempt: () => Promise<unknown>) => {
      scryptCalls.count = 0;
      await attempt();
      return scryptCalls.count;
    };
    expect(await cost(() => panel("198.51.100.20", "known@test.local", "wrong"))).toBe(1);
    expect(await cost(() => panel("198.51.100.20", "nobody@test.local", "wrong"))).toBe(1);
    expect(await cost(() => app("198.51.100.20", "known@test.local", "wrong"))).toBe(1);
    expect(await cost(() => app("198.51.100.20", "nobody@test.local", "wrong"))).toBe(1);
  });

  it("the times of known and unknown e-mails overlap (interleaved samples; the medians within a factor of two)", async () => {
    const SAMPLES = 8;
    for (let i = 0; i < SAMPLES; i += 1) await person("customer", `timed-${i}@test.local`);
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (attempt: () => Promise<unknown>) => {
      const started = performance.now();
      await attempt();
      return performance.now() - started;
    };
    for (let i = 0; i < SAMPLES; i += 1) {
      const door = i % 2 ? panel : app;
      known.push(await time(() => door(`192.0.2.${i}`, `timed-${i}@test.local`, "wrong")));
      unknown.push(await time(() => door(`192.0.2.${i}`, `absent-${i}@test.local`, "wrong")));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    console.log(`sign-in times (ms), known: ${known.map(Math.round).join(" ")}; unknown: ${unknown.map(Math.round).join(" ")}`);
    expect(median(unknown)).toBeGreaterThan(median(known) / 2);
    expect(median(known)).toBeGreaterThan(median(unknown) / 2);
    expect(Math.min(...unknown)).toBeLessThan(Math.max(...known));
    expect(Math.min(...known)).toBeLessThan(Math.max(...unknown));
  });
});
