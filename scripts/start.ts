// `npm start`: the whole panel with one command. With DATABASE_URL it uses that PostgreSQL;
// without it, an embedded PostgreSQL server kept in .data/postgres (the same engine, run the same
// way). Migrates, seeds an empty demo database (embedded, or `--demo` / SEED_DEMO=1) or creates a
// real one's first admin, builds if needed, starts Next and prints where to sign in.
import { spawn } from "node:child_process";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { authSecret } from "./lib/auth-secret";
import { startEmbeddedPostgres, type RunningDatabase } from "./lib/embedded-postgres";
import { ensureNextBuild } from "./lib/next-build";
import { demoRequested, listenHost, prepareLaunchDatabase } from "./lib/launch-database";
import { ensurePrismaClient } from "./lib/prisma-client";
import { SERVER_ARGS, serverEnvironment } from "./lib/server-process";

const DATA_DIR = process.env.EMBEDDED_DATA_DIR ?? ".data";
const port = Number(process.env.PORT ?? 3000);
const url = `http://localhost:${port}`;

async function waitUntilUp(target: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(target, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer at ${target}`);
}

async function main() {
  ensurePrismaClient();
  let embedded: RunningDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(`${DATA_DIR}/postgres`);
    process.env.DATABASE_URL = embedded.url;
    console.log(`Embedded PostgreSQL in ${DATA_DIR}/postgres, on port ${embedded.port}`);
  } else {
    console.log("Using the PostgreSQL at DATABASE_URL");
  }
  const demo = demoRequested(embedded !== undefined);
  const { applied, seeded, firstAdmin, noAccounts } = await prepareLaunchDatabase(process.env.DATABASE_URL!, demo);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (seeded) console.log("Seeded demo data");
  if (firstAdmin) console.log(`Created the first admin: ${firstAdmin}`);
  if (noAccounts) console.log("No accounts yet: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run admin:create -- --email …`");
  ensureNextBuild();

  // `next start`, plus statuses asked for by pages (503 while the database is down): scripts/serve.ts.
  // One process (`node --import tsx`, not the tsx CLI, whose signal relay SIGKILLs a child that is
  // slow to acknowledge SIGTERM under load), so that SIGTERM reaches the graceful shutdown.
  const server = spawn(process.execPath, SERVER_ARGS, {
    stdio: "inherit",
    // Its own process group, so that stopping it also stops the next-server it forks.
    detached: true,
    env: serverEnvironment({
      ...process.env,
      PORT: String(port),
      HOST: listenHost(embedded !== undefined, demo),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
      NEXTAUTH_SECRET: authSecret(`${DATA_DIR}/auth-secret`),
      NEXT_TELEMETRY_DISABLED: "1",
    }),
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      // The server finishes the requests in flight (scripts/lib/graceful-shutdown.ts) before the database goes.
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 1));

  await waitUntilUp(`${url}/sign-in`, 60_000);
  console.log(`\nThe admin panel is up: ${url}`);
  if (!demo) return;
  // The password is for a person at a terminal, never for a collected log.
  console.log(process.stdout.isTTY ? `Demo logins (password "${DEMO_PASSWORD}" for each):` : "Demo logins (password: see the README):");
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(9)} ${account.email}`);
}

main().catch(async (error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
