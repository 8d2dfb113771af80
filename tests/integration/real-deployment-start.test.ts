import { execFile } from "node:child_process";
import { networkInterfaces } from "node:os";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { startAppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// `npm start` with DATABASE_URL on an empty database, as a real deployment starts: no demo data,
// the first admin from the environment, no demo password, and listening where HOST says.

const ADMIN = { ADMIN_EMAIL: "owner@example.com", ADMIN_PASSWORD: "a long first password", ADMIN_NAME: "Owner" };
const REAL = { SEED_DEMO: "" };
let database: TestDatabase;
let sql: pg.Client;

beforeAll(async () => {
  ensurePrismaClient();
  ensureNextBuild();
  database = await createTestDatabase("real_start");
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
}, 240_000);
afterAll(async () => {
  await sql?.end();
  await database?.drop();
});

/** The machine's address on its network, not loopback: where a deployment's users come from. */
function networkAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;
  expect(address, "this machine has a non-loopback IPv4 address").toBeDefined();
  return address!;
}

async function answersAt(host: string, port: string): Promise<boolean> {
  try {
    return (await fetch(`http://${host}:${port}/sign-in`, { signal: AbortSignal.timeout(5_000) })).status === 200;
  } catch {
    return false;
  }
}

describe("npm start with DATABASE_URL (a real deployment)", () => {
  it("creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, seeds no demo data, listens on every interface, and runs its server with two malloc arenas and gc()", async () => {
    const app = await startAppServer(database.url, { ...REAL, ...ADMIN });
    try {
      const { rows } = await sql.query<{ email: string; role: string; name: string }>("SELECT email, role, name FROM users");
      expect(rows).toEqual([{ email: "owner@example.com", role: "admin", name: "Owner" }]);
      expect((await sql.query("SELECT 1 FROM chat_sessions")).rowCount).toBe(0);
      expect(app.output()).toContain("Created the first admin: owner@example.com");
      expect(app.output()).not.toContain(DEMO_PASSWORD);
      await expect(signInOverHttp(app.url, "owner@example.com", ADMIN.ADMIN_PASSWORD)).resolves.toContain("session-token");
      await expect(signInOverHttp(app.url, "admin@demo.test", DEMO_PASSWORD)).rejects.toThrow("sign-in failed");
      const port = new URL(app.url).port;
      expect(await answersAt(networkAddress(), port)).toBe(true);
      // two glibc arenas, and gc() for the collection after a large export (scripts/lib/server-process.ts)
      const server = app.serverProcess();
      expect(server.environment.MALLOC_ARENA_MAX).toBe("2");
      expect(server.args).toContain("--expose-gc");
    } finally {
      await app.stop();
    }
  }, 120_000);

  it("listens only where HOST says", async () => {
    const app = await startAppServer(database.url, { ...REAL, HOST: "127.0.0.1" });
    try {
      const port = new URL(app.url).port;
      expect(await answersAt("127.0.0.1", port)).toBe(true);
      expect(await answersAt(networkAddress(), port)).toBe(false);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it("refuses to start while an admin signs in with the demo password, unless the demo is asked for", async () => {
    const { rows } = await sql.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = 'owner@example.com'");
    await sql.query("UPDATE users SET password_hash = $1 WHERE email = 'owner@example.com'", [await hashPassword(DEMO_PASSWORD)]);
    try {
      const refused = await startAppServer(database.url, REAL).then(
        async (app) => (await app.stop(), "started"),
        (error: Error) => error.message,
      );
      expect(refused).toContain("these accounts sign in with the demo's published password: owner@example.com");
      const demo = await startAppServer(database.url, { SEED_DEMO: "1" });
      try {
        expect(demo.output()).toContain("The admin panel is up");
        expect(await answersAt(networkAddress(), new URL(demo.url).port), "a demo listens on loopback unless HOST says otherwise").toBe(false);
      } finally {
        await demo.stop();
      }
    } finally {
      await sql.query("UPDATE users SET password_hash = $1 WHERE email = 'owner@example.com'", [rows[0]!.password_hash]);
    }
  }, 180_000);

  it("npm run admin:create adds an admin and refuses the demo password and a taken e-mail", async () => {
    const run = (args: string[], password: string) =>
      promisify(execFile)("npx", ["tsx", "scripts/admin-create.ts", ...args], { env: { ...process.env, DATABASE_URL: database.url, ADMIN_PASSWORD: password } }).then(
        ({ stdout }) => stdout,
        (error: { stderr: string }) => `failed: ${error.stderr}`,
      );
    expect(await run(["--email", "second@example.com", "--name", "Second"], "another long password")).toContain("Created the admin second@example.com");
    expect(await run(["--email", "third@example.com"], DEMO_PASSWORD)).toContain("failed: Could not create the admin: the demo password is published");
    expect(await run(["--email", "second@example.com"], "another long password")).toContain("already exists");
    expect(await run(["--email", "fourth@example.com"], "short")).toContain("the password needs 12 to 200 characters");
    const { rows } = await sql.query<{ email: string }>("SELECT email FROM users WHERE role = 'admin' ORDER BY id");
    expect(rows.map((row) => row.email)).toEqual(["owner@example.com", "second@example.com"]);
  }, 60_000);
});
