import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-postgres";

const dataDir = mkdtempSync(join(tmpdir(), "embedded-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start`'s launcher with no DATABASE_URL until it says it is up; returns its output. */
async function startOnce(): Promise<{ output: string; signInStatus: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DATA_DIR: dataDir, PORT: String(port) };
  delete env.DATABASE_URL;
  delete env.DATABASE_POOL_MAX;
  const child = spawn("npx", ["tsx", "scripts/start.ts"], { env, detached: true });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => output.includes("The admin panel is up") && resolve());
      child.on("exit", () => reject(new Error(`launcher exited:\n${output}`)));
    });
    const response = await fetch(`http://localhost:${port}/sign-in`);
    return { output, signInStatus: response.status };
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

describe("npm start without DATABASE_URL (embedded PostgreSQL)", () => {
  it("starts from a clean folder with demo data, then starts again on the same data without re-seeding", async () => {
    const first = await startOnce();
    expect(first.signInStatus).toBe(200);
    expect(first.output).toContain("Seeded demo data");
    expect(first.output).toContain("admin@demo.test");

    const second = await startOnce();
    expect(second.signInStatus).toBe(200);
    expect(second.output).not.toContain("Seeded demo data");
    expect(second.output).not.toContain("Applied migrations");
  }, 180_000);
});
