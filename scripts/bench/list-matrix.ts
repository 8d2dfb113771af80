// The combination matrix of `bench:list` (issue 16): every sort × direction crossed with no
// filter, each filter (FLT-1..5), an Arabic common name, a Latin common word, a rare term, two
// filters together and a filter with a search. Each combination's page through the app's list
// query is timed next to the BEST hand-written SQL for the same rows, found here: the bench holds
// the hand-written shapes (the sort's index walked with the filter tested on each row; the
// matches found first, through their own index, and sorted after), times each once and measures
// the fastest; a search on a joined table's column is also walked with the column looked up row by
// row. A shape that takes longer than its timeout is not a candidate.
import type pg from "pg";
import { measure, table, type Timing } from "./measure";

type Dir = "asc" | "desc";
/** What the app is asked for (merged into the list's default params) and the same rows in SQL. */
export type MatrixFilter = {
  name: string;
  params: Record<string, unknown>;
  where: string;
  values: unknown[];
  /** the same condition tested row by row, for a walk (a search on a joined table's column) */
  walkWhere?: string;
};
export type MatrixRow = { name: string; app: Timing; best: Timing; bestShape: string };

const PAGE = 26; // 25 rows and one to know there is a next page, as the app asks

/**
 * A list's SQL as the bench writes it by hand: its table (or joins), the page's columns (the list
 * source's own, so that both sides return the same rows, with the same figures) and its id.
 */
export type MatrixSource = { from: string; select: string; id: string };

/** A list source's SQL for the hand-written shapes; a source whose SQL carries values is refused. */
export function matrixSource(source: { from: { text: string; values: unknown[] }; select: { text: string; values: unknown[] }; id: string }): MatrixSource {
  if (source.from.values.length > 0 || source.select.values.length > 0) throw new Error("a list source with values in its from or select cannot be written by hand here");
  return { from: source.from.text, select: source.select.text, id: source.id };
}

/** The hand-written shapes of one page of the same rows. */
function shapes({ from, select, id }: MatrixSource, { where, walkWhere }: MatrixFilter, column: string, dir: Dir): Record<string, string> {
  const matches = `SELECT ${id} AS match_id, ${column} AS sort_value FROM ${from} WHERE ${where}`;
  const top = (matching: string) => `SELECT match_id, sort_value FROM ${matching} ORDER BY sort_value ${dir}, match_id ${dir} LIMIT ${PAGE}`;
  const inOrder = `ORDER BY page.sort_value ${dir}, page.match_id ${dir}`;
  return {
    // the sort's index, each row tested against the filter until the page is full
    walk: `SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${column} ${dir}, ${id} ${dir} LIMIT ${PAGE}`,
    // every match through the filter's own index (trigram, range, equality) first, then the
    // page's top rows sorted among them, then those rows read by id
    "matches first": `SELECT ${select} FROM ${from} JOIN (${top(`(${matches} OFFSET 0) AS matching`)}) AS page ON page.match_id = ${id} ${inOrder}`,
    // the same through a MATERIALIZED CTE (the matches written to a tuplestore first)
    "matches first, CTE": `WITH matching AS MATERIALIZED (${matches}), page AS (${top("matching")})
      SELECT ${select} FROM ${from} JOIN page ON page.match_id = ${id} ${inOrder}`,
    // the walk again, the condition tested on each row as it passes (no join for the planner to reorder)
    ...(walkWhere ? { "walk, row by row": `SELECT ${select} FROM ${from} WHERE ${walkWhere} ORDER BY ${column} ${dir}, ${id} ${dir} LIMIT ${PAGE}` } : {}),
  };
}

const fmt = (ms: number) => ms.toFixed(1);

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Slow combinations are timed fewer times (their p95 is then their slowest run). */
async function measureAdaptive(run: () => Promise<unknown>): Promise<Timing> {
  const first = await timeOnce(run);
  return first > 1_000 ? measure(run, 3) : measure(run);
}

/**
 * Two bare connections for the hand-written SQL: as the server is set, and without JIT (a walk the
 * planner prices high is compiled first: the audit log's walk by actor's name, 1.7 ms run, took
 * 68–81 ms with JIT). Each shape is tried on both; the faster is its figure.
 */
export type MatrixClients = { jitOn: pg.Client; jitOff: pg.Client };

/**
 * Runs the matrix of one list: `source` its SQL, `sortColumns` names each sort's column, `app(sort, dir, params)` is the app's
 * list query for one page, `clients` bare connections; candidate shapes are cut off after `timeoutMs`.
 */
export async function runMatrix<S extends string>(
  clients: MatrixClients,
  source: MatrixSource,
  sortColumns: Record<S, string>,
  filters: MatrixFilter[],
  app: (sort: S, dir: Dir, params: Record<string, unknown>) => Promise<unknown>,
  timeoutMs = 3_000,
): Promise<MatrixRow[]> {
  const rows: MatrixRow[] = [];
  for (const filter of filters) {
    for (const sort of Object.keys(sortColumns) as S[]) {
      for (const dir of ["asc", "desc"] as const) {
        let bestShape = "";
        let bestSql = "";
        let bestClient = clients.jitOn;
        let bestMs = Number.POSITIVE_INFINITY;
        for (const [shape, sql] of Object.entries(shapes(source, filter, sortColumns[sort], dir))) {
          for (const [jit, raw] of [
            ["", clients.jitOn],
            [", no JIT", clients.jitOff],
          ] as const) {
            // The timeout lives in a transaction of its own (no session state: tests/unit/pooled-session-state.test.ts).
            await raw.query("BEGIN");
            await raw.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
            try {
              await raw.query(sql, filter.values);
              const ms = await timeOnce(() => raw.query(sql, filter.values));
              if (ms < bestMs) [bestMs, bestShape, bestSql, bestClient] = [ms, `${shape}${jit}`, sql, raw];
            } catch {
              // over the timeout: not a candidate
            } finally {
              await raw.query("ROLLBACK");
            }
          }
        }
        const best = await measure(() => bestClient.query(bestSql, filter.values));
        const appTiming = await measureAdaptive(() => app(sort, dir, filter.params));
        const row = { name: `${filter.name} × ${sort} ${dir}`, app: appTiming, best, bestShape };
        rows.push(row);
        console.error(`${row.name}: app ${fmt(appTiming.median)}/${fmt(appTiming.p95)} ms, best (${bestShape}) ${fmt(best.median)}/${fmt(best.p95)} ms`);
      }
    }
  }
  return rows;
}

/** The whole matrix, then the worst 10 by p95 and how many are over 50 ms or miss a target. */
export function printMatrix(rows: MatrixRow[]): void {
  const header = ["combination", "app median", "app p95", "best median", "best p95", "best shape", "median / best", "target"];
  const line = (row: MatrixRow) => {
    const ratio = row.app.median / row.best.median;
    const ok = row.app.p95 <= 150 && ratio <= 2;
    return [row.name, fmt(row.app.median), fmt(row.app.p95), fmt(row.best.median), fmt(row.best.p95), row.bestShape, ratio.toFixed(2), ok ? "ok" : "MISS"];
  };
  console.log(`\nCombination matrix: ${rows.length} combinations (ms; target: p95 <= 150 and median <= 2x best SQL)\n`);
  console.log(table([header, ...rows.map(line)]));
  const worst = [...rows].sort((a, b) => b.app.p95 - a.app.p95).slice(0, 10);
  console.log(`\nWorst 10 by app p95:\n`);
  console.log(table([header, ...worst.map(line)]));
  const over50 = rows.filter((row) => row.app.p95 > 50).length;
  const over50median = rows.filter((row) => row.app.median > 50).length;
  const misses = rows.filter((row) => line(row)[7] === "MISS").length;
  console.log(`\nover 50 ms: ${over50} by p95, ${over50median} by median; targets missed: ${misses} of ${rows.length}`);
}
