import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// The process's metrics, in Prometheus' text format at GET /metrics (lib/http/metrics-endpoint.ts).
// One registry per process, on globalThis: scripts/serve.ts records requests, the app's modules
// (bundled apart by Next) record streams, the bus, exports, sign-ins and prunes into the same one.
// Labels are bounded: route patterns, status classes, a few kinds; never ids or URLs.

export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

function createMetrics() {
  const registry = new Registry();
  // prom-client's process metrics: resident memory, V8's heap and the memory outside it, GC and
  // event-loop delay — what tells, after a large export, whose memory the process kept (issue 16).
  collectDefaultMetrics({ register: registry });
  const pools: PoolStats[] = [];
  return {
    registry,
    pools,
    requestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer a request, by route pattern and status class (an event stream counts until it closes)",
      labelNames: ["route", "method", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    openStreams: new Gauge({ name: "sse_open_streams", help: "Event streams open on this instance, by kind", labelNames: ["kind"] as const, registers: [registry] }),
    busLag: new Histogram({
      name: "bus_notification_lag_seconds",
      help: "From an event's announcement (its statement, or publish) to its arrival through LISTEN on this instance",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    pool: new Gauge({
      name: "db_pool_connections",
      help: "The app's database pool: connections in use, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const sum = (pick: (pool: PoolStats) => number) => pools.reduce((total, pool) => total + pick(pool), 0);
        this.set({ state: "in_use" }, sum((pool) => pool.totalCount - pool.idleCount));
        this.set({ state: "idle" }, sum((pool) => pool.idleCount));
        this.set({ state: "waiting" }, sum((pool) => pool.waitingCount));
      },
    }),
    listPageReads: new Counter({
      name: "list_page_reads_total",
      help: "Filtered list pages read the way chosen at run time (lib/list-engine/plan.ts): each read by way (walk, matchesFirst) and outcome (won: it answered the page; lost: the other one did)",
      labelNames: ["way", "outcome"] as const,
      registers: [registry],
    }),
    exportRows: new Counter({ name: "export_rows_total", help: "Rows written by exports, by format", labelNames: ["format"] as const, registers: [registry] }),
    exportDuration: new Histogram({
      name: "export_duration_seconds",
      help: "Exports from first to last byte, by format and whether they completed",
      labelNames: ["format", "completed"] as const,
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    signInFailures: new Counter({ name: "sign_in_failures_total", help: "Failed sign-ins counted by the throttle, by scope (account, address)", labelNames: ["scope"] as const, registers: [registry] }),
    signInLockouts: new Counter({ name: "sign_in_lockouts_total", help: "Sign-in locks started, by scope (account, address)", labelNames: ["scope"] as const, registers: [registry] }),
    pruneRuns: new Counter({ name: "event_log_prune_runs_total", help: "Runs of the event-log prune, by outcome", labelNames: ["outcome"] as const, registers: [registry] }),
    prunedEvents: new Counter({ name: "event_log_pruned_events_total", help: "Events deleted by the event-log prune", registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const METRICS_KEY = Symbol.for("marketplace-admin.metrics");
type WithMetrics = { [METRICS_KEY]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as WithMetrics;
  holder[METRICS_KEY] ??= createMetrics();
  return holder[METRICS_KEY];
}

/** For tests: a registry of one's own. */
export function freshMetrics(): Metrics {
  return createMetrics();
}

/** A failed sign-in recorded by the throttle under `key` (`account:…`, `address:…`), and the lock it started. */
export function countSignInFailure(key: string, lockMs: number): void {
  const scope = key.split(":", 1)[0] ?? key;
  metrics().signInFailures.inc({ scope });
  if (lockMs > 0) metrics().signInLockouts.inc({ scope });
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
