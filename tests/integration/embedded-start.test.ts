import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer } from "../support/app-server";

const dataDir = mkdtempSync(join(tmpdir(), "embedded-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` with no DATABASE_URL, until it says it is up; then the sign-in page, then stop. */
async function startOnce(): Promise<{ output: string; signInStatus: number }> {
  const app = await startAppServer(null, { EMBEDDED_DATA_DIR: dataDir });
  try {
    const response = await fetch(`${app.url}/sign-in`);
    return { output: app.output(), signInStatus: response.status };
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

    const second = await startOnce();
    expect(second.signInStatus).toBe(200);
    expect(second.output).not.toContain("Seeded demo data");
    expect(second.output).not.toContain("Applied migrations");
  }, 180_000);
});
