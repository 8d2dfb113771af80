import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { freePort } from "../../scripts/lib/embedded-postgres";

export type ServerProcess = { args: string[]; environment: Record<string, string> };
export type AppServer = { url: string; output: () => string; stop: () => Promise<void>; serverProcess: () => ServerProcess };

/** The arguments and environment of the server process (scripts/serve.ts) that the launcher `launcherPid` started (Linux /proc). */
function serverProcessOf(launcherPid: number): ServerProcess {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /, "").split(" ")[1]);
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      if (parent !== launcherPid || !args.includes("scripts/serve.ts")) continue;
      const environment = Object.fromEntries(
        readFileSync(`/proc/${entry}/environ`, "utf8")
          .split("\0")
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
      );
      return { args, environment };
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no server process under the launcher ${launcherPid}`);
}

/**
 * Runs the built app (`npm start`'s launcher) on a free port, against `databaseUrl`, or with
 * none (null) on the embedded PostgreSQL. The tests seed demo data, so they say so (SEED_DEMO=1,
 * without which the launcher refuses a database with the demo password); `SEED_DEMO: ""` starts
 * it as a real deployment.
 */
export async function startAppServer(databaseUrl: string | null, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXTAUTH_SECRET: "test-secret", SEED_DEMO: "1", ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_POOL_MAX;
  if (databaseUrl) childEnv.DATABASE_URL = databaseUrl;
  if (env.DATABASE_POOL_MAX) childEnv.DATABASE_POOL_MAX = env.DATABASE_POOL_MAX;
  // The launcher's own process (`node --import tsx`), not the tsx CLI: under load the CLI's signal
  // relay SIGKILLed a launcher that was still stopping its server, and the server (its own process
  // group) outlived the test (seen after a full run: a two-instances server still up).
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { detached: true, env: childEnv });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("The admin panel is up") && resolve());
    child.on("exit", () => reject(new Error(`the app did not start:\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    output: () => output,
    serverProcess: () => serverProcessOf(child.pid!),
    stop: async () => {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Several instances at once, one per environment; if one fails to start, the others are stopped. */
export async function startAppServers(databaseUrl: string, envs: Record<string, string>[]): Promise<AppServer[]> {
  const started = await Promise.allSettled(envs.map((env) => startAppServer(databaseUrl, env)));
  const failed = started.find((outcome) => outcome.status === "rejected");
  if (failed) {
    // Never leave an instance that did start running.
    await Promise.all(started.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.stop() : undefined)));
    throw failed.reason;
  }
  return started.map((outcome) => (outcome as PromiseFulfilledResult<AppServer>).value);
}
