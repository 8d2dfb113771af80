import "server-only";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { dbPool } from "@/lib/db";
import { isDraining } from "@/lib/lifecycle";
import { eventBus } from "@/lib/realtime/bus";

// What GET /readyz checks: this instance can serve, i.e. the database answers, every migration
// this build ships is applied, and the event bus hears other instances. A load balancer stops
// sending traffic on a 503 and starts again on a 200, so each check is bounded in time.

export type Readiness = { ready: true } | { ready: false; reason: "shutting_down" | "database_unreachable" | "migrations_pending" | "bus_not_listening" };

const CHECK_TIMEOUT_MS = 2000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The migrations this build ships (folder names), read once: they cannot change under a running build. */
let shippedMigrations: string[] | undefined;
function migrationsShipped(): string[] {
  shippedMigrations ??= readdirSync(join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return shippedMigrations;
}

/** Once every shipped migration was seen applied, it stays applied: later checks only ask the database to answer. */
let migrationsSeenApplied = false;

async function pendingMigrations(): Promise<number> {
  const { rows } = await dbPool().query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return migrationsShipped().filter((name) => !applied.has(name)).length;
}

export async function readiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "shutting_down" };
  try {
    if (migrationsSeenApplied) await withinTimeout(dbPool().query("SELECT 1"));
    else if ((await withinTimeout(pendingMigrations())) > 0) return { ready: false, reason: "migrations_pending" };
    migrationsSeenApplied = true;
  } catch {
    return { ready: false, reason: "database_unreachable" };
  }
  try {
    await withinTimeout(eventBus().ready());
  } catch {
    return { ready: false, reason: "bus_not_listening" };
  }
  return { ready: true };
}
