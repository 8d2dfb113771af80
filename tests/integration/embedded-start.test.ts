import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer } from "../support/app-server";

const dataDir = mkdtempSync(join(tmpdir(), "embedded-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Whether the app answers at the machine's non-loopback address (the demo's published logins must not). */
async function answersFromTheNetwork(appUrl: string): Promise<boolean> {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;
  expect(address, "this machine has a non-loopback IPv4 address").toBeDefined();
  try {
    await fetch(`http://${address}:${new URL(appUrl).port}/sign-in`, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

/** `npm start` with no DATABASE_URL, until it says it is up; then the sign-in page, then stop. */
async function startOnce(): Promise<{ output: string; signInStatus: number; fromTheNetwork: boolean }> {
  const app = await startAppServer(null, { EMBEDDED_DATA_DIR: dataDir, SEED_DEMO: "" });
  try {
    const response = await fetch(`${app.url}/sign-in`);
    return { output: app.output(), signInStatus: response.status, fromTheNetwork: await answersFromTheNetwork(app.url) };
  } finally {
    await app.stop();
  }
}

describe("npm start without DATABASE_URL (embedded PostgreSQL)", () => {
  it("starts from a clean folder with demo data, then starts again on the same data without re-seeding", async () => {
    const first = await startOnce();
    expect(first.signInStatus).toBe(200);
    expect(first.output).toContain("Embedded PostgreSQL (PGlite)");
    expect(first.output).toContain("Seeded demo data");
    expect(first.output).toContain("admin@demo.test");
    expect(first.fromTheNetwork, "the embedded demo listens on loopback only").toBe(false);

    const second = await startOnce();
    expect(second.signInStatus).toBe(200);
    expect(second.output).not.toContain("Seeded demo data");
    expect(second.output).not.toContain("Applied migrations");
  }, 180_000);
});
