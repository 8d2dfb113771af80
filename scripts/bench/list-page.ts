// bench:list's "page" part (issue 16): the sessions list page itself through HTTP — the built app
// as `npm start` serves it, one signed-in admin, one request at a time — next to the SQL floor of
// the queries that page's loaders run. The floor is found, not written: the loaders the page and
// its layout call (the list view, the waiting thresholds, the queue tabs, the assignable staff,
// the badge's total) run once in this process with the driver's `query` recorded, and those exact
// statements are replayed on a bare connection, one after another. Left out of the floor: the
// sign-in's session check (one primary-key read) and the rendering; so "page ÷ floor" is what the
// server adds to its SQL.
import pg from "pg";
import type { CurrentUser } from "../../lib/auth/current-user";
import { ensureNextBuild } from "../lib/next-build";
import { benchHarness } from "./harness";
import { agent, httpCall, signIn } from "./http-client";
import { measure, table } from "./measure";

export type PageScenario = { name: string; query: string };

type Recorded = { text: string; values: unknown[] };

const PAGE_WARM_UP = 30;
const PAGE_SAMPLES = 100;

/** The statements `run` sends through node-postgres (Prisma's adapter included), in order. */
async function recordStatements(run: () => Promise<unknown>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const original = pg.Client.prototype.query;
  // node-postgres's query has a dozen overloads: this looks at its first two arguments and passes all on.
  const recording = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text?: string; values?: unknown[] } | undefined, unknown];
    const text = typeof config === "string" ? config : config?.text;
    if (typeof text === "string") recorded.push({ text, values: Array.isArray(values) ? values : typeof config === "object" ? (config.values ?? []) : [] });
    return (original as (...all: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = recording as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return recorded;
}

export async function benchListPage(url: string, scenarios: PageScenario[], print: (line: string) => void): Promise<void> {
  const { sessionsList } = await import("../../lib/chat-sessions/list");
  const { sessionsSource } = await import("../../lib/chat-sessions/list-source");
  const { loadListView } = await import("../../lib/list-engine/load-view");
  const { parseListState } = await import("../../lib/list-engine/url-state");
  const { getWaitingThresholds } = await import("../../lib/settings/waiting-thresholds");
  const { queueTabsFor } = await import("../../lib/chat-sessions/queue-tabs");
  const { listAssignableStaff } = await import("../../lib/assignment/staff");
  const { getUnreadTotal } = await import("../../lib/chat-sessions/unread-total");

  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const admin = (await raw.query<CurrentUser>("SELECT id, name, email, role FROM users WHERE email = 'admin@demo.test'")).rows[0];
  if (!admin) throw new Error("the page part needs the demo admin (admin@demo.test): seed with npm run bench:seed");
  const loaders = (query: string) => {
    const parsed = parseListState(sessionsList, Object.fromEntries(new URLSearchParams(query)));
    return Promise.all([loadListView(sessionsList, sessionsSource, parsed, undefined, admin), getWaitingThresholds(), queueTabsFor(admin), listAssignableStaff(), getUnreadTotal()]);
  };

  ensureNextBuild();
  const bench = benchHarness("bench_list_page", undefined);
  try {
    const base = await bench.startInstance(10, "serve", { DATABASE_URL: url });
    const cookie = `${await signIn(base, "admin@demo.test")}; locale=ar`;
    const rows: (string | number)[][] = [["page", "HTTP p50", "HTTP p95", "KB", "queries", "SQL floor p50", "SQL floor p95", "p50 ÷ floor"]];
    for (const scenario of scenarios) {
      const path = `/chat-sessions${scenario.query ? `?${scenario.query}` : ""}`;
      let bytes = 0;
      const fetchPage = async () => {
        const reply = await httpCall(base, "GET", path, { cookie });
        if (reply.status !== 200) throw new Error(`${path}: HTTP ${reply.status}`);
        bytes = Buffer.byteLength(reply.text);
      };
      // The server's steady state, not its first minutes: a fresh process compiles its hot code
      // over the first few dozen requests of a page (the default page's p50 is ~40 ms at first,
      // ~20 ms warm on a 2-core machine).
      for (let i = 0; i < PAGE_WARM_UP; i += 1) await fetchPage();
      const page = await measure(fetchPage, PAGE_SAMPLES);
      await loaders(scenario.query); // warm this process's code before recording
      const statements = await recordStatements(() => loaders(scenario.query));
      const floor = await measure(async () => {
        for (const statement of statements) await raw.query(statement.text, statement.values);
      });
      rows.push([scenario.name, page.median.toFixed(1), page.p95.toFixed(1), (bytes / 1024).toFixed(1), statements.length, floor.median.toFixed(1), floor.p95.toFixed(1), (page.median / floor.median).toFixed(1)]);
    }
    print(table(rows));
  } finally {
    agent.destroy();
    await raw.end();
    await bench.cleanUp();
  }
}
