import "server-only";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { dbPool } from "@/lib/db";
import { isDraining } from "@/lib/lifecycle";
import { busHealth } from "@/lib/realtime/bus";
import { answerWithin } from "@/lib/answer-within";

// What GET /readyz checks: this instance can serve, i.e. the database answers, every migration
// this build ships is applied, and the event bus hears other instances. A load balancer stops
// sending traffic on a 503 and starts again on a 200, so each check is bounded in time.
// The bus counts differently by kind. On PostgreSQL, an instance whose LISTEN is down hears no
// other instance and nothing stands in: not ready. On NATS, an outage hits every instance at
// once while each still serves, its streams fed by reads of the event log (LogReconciler):
// ready, but degraded — a 503 there would take the whole deployment out of the balancer.

export type Readiness =
  | { ready: true; degraded?: "bus_not_listening" }
  | { ready: false; reason: "shutting_down" | "database_unreachable" | "migrations_pending" | "bus_not_listening" };

const CHECK_TIMEOUT_MS = 2000;
// A NATS bus that is down never becomes ready: each probe waits this long before saying degraded.
const BUS_CHECK_TIMEOUT_MS = 1000;

async function withinTimeout<T>(work: Promise<T>): Promise<T> {
  const answer = await answerWithin(work, CHECK_TIMEOUT_MS);
  if (answer === "late") throw new Error("timed out");
  return answer;
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
  const bus = await busHealth(undefined, BUS_CHECK_TIMEOUT_MS);
  if (bus.listening) return { ready: true };
  return bus.kind === "nats" ? { ready: true, degraded: "bus_not_listening" } : { ready: false, reason: "bus_not_listening" };
}
