import "server-only";
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { cancellableRead, dbPool, queryRows } from "@/lib/db";
import type { FilterDeclarations } from "./declaration";
import { allOf, type ListSource } from "./list-source";

/**
 * How a filtered page is read, chosen by the shape of the request. Asked for the first 25 matches
 * in a sort's order, PostgreSQL likes to walk the sort's index and test each row: cheap when the
 * matches are everywhere, ruinous when they are few or sit together far along that order (at 1M
 * sessions a rare product name sorted by vendor read the whole table, 6 s; 'يوسف' sorted by
 * customer 2.7 s; "active in the last 7 days" oldest-created first, 2.9 s). The other way finds
 * every match through the filter's own index first (trigram, equality, range), keeps (id, sort
 * value), sorts those and reads the page's rows by id: its cost grows with
 * the number of matches, not with where they sit.
 *
 * 1. No filter, or filters the source declares an index for in the sort's order
 *    (`indexedSorts`: vendor by last message on (vendor_id, last_message_at)): that index
 *    ("walk"), a page's rows read whatever the number of matches. At 1M sessions the busiest
 *    vendor's page took 10.7 ms read matches first, against 0.9 ms for the walk; the last 7 days
 *    (FLT-5) 3.6 ms against 0.7 (scripts/bench/list.ts). And a filter the source declares far
 *    along the sort's order that way (`farSorts`: the last 7 days oldest-created first): the
 *    matches first, without trying the walk, which could only run out of its budget (at 1M,
 *    68 ms against 24 ms; the planner expects the week's 200,000 matches evenly spread).
 * 2. The planner's estimate of the matches (one EXPLAIN, well under a millisecond) is at most
 *    `fewMatches`, and a walk would read many rows to fill a page (the page's share of the table
 *    at the matches' density, over `cheapWalkRows`): the matches first — reading a few thousand
 *    rows costs a few ms whatever the sort. Few matches that a walk still meets often enough
 *    (FLT-5 with 'watch' at 1M: ~4,000 matches, one row in ~250, so ~6,500 rows to a page) go on
 *    to 3: their walk took 2 ms, reading them first 50 ms (the search's 26,000 matches, then the
 *    filter).
 * 3. Otherwise the planner's own plan (the walk, or a partial index that fits), cut off after
 *    `walkBudgetMs`; if it runs longer, its matches sit far along the order, and the matches are
 *    read first instead. The budget is time, not rows, so that a fitting index (FLT-4's partial
 *    indexes for the messages and waiting sorts) keeps its fast walk. Every request tries its walk
 *    again: remembering the ones that ran out (tried in this session) kept 'watch' on its 127 ms
 *    plan after two walks slowed past the budget by the page's other queries, where the walk
 *    takes 3–20 ms; the walks it spared cost 40 ms each. A walk still running after
 *    `matchesFirstAfterMs` has the matches read first beside it, on a second connection, and the
 *    first answer is the page (the other read is cancelled or runs out of its budget): a walk that
 *    runs out no longer adds its budget to the matches-first read ('watch' sorted by product name
 *    at 1M: 40 ms walked for nothing, then 130 ms), and a quick walk costs nothing more.
 * Either way the rows are the same: only the plan changes, never the answer.
 */
export const planLimits = {
  /** matches (estimated) up to which they are read first without trying the walk… */
  fewMatches: 5_000,
  /** …unless a walk would fill the page within this many rows (the matches' density, estimated) */
  cheapWalkRows: 20_000,
  /** how long the walk may run before the matches are read first instead */
  walkBudgetMs: 40,
  /** how long the walk runs alone before the matches are also read first, beside it (0: at once) */
  matchesFirstAfterMs: 10,
};

const QUERY_CANCELED = "57014";

/** The planner's estimate of how many rows `where` leaves, without running it. */
export async function estimatedMatches<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, where: Prisma.Sql): Promise<number> {
  const [row] = await queryRows<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${source.from} WHERE ${where}`);
  return row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

export type PageRead = { column: Prisma.Sql; direction: Prisma.Sql; limit: number };

function walkSql<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, where: Prisma.Sql, { column, direction, limit }: PageRead): Prisma.Sql {
  const id = Prisma.raw(source.id);
  return Prisma.sql`
    SELECT ${source.select} FROM ${source.from}
     WHERE ${where}
     ORDER BY ${column} ${direction}, ${id} ${direction}
     LIMIT ${limit}`;
}

/**
 * The rows of one page with the matches read first: (id, sort value) of every match, then the
 * page's top rows among them, then those rows in full (joins and figures for them alone).
 */
function matchesFirstSql<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, where: Prisma.Sql, { column, direction, limit }: PageRead): Prisma.Sql {
  const id = Prisma.raw(source.id);
  // OFFSET 0 keeps the matches' scan from being planned in the sort's order (a walk again);
  // unlike a MATERIALIZED CTE it hands them to the top-N sort as they are read, not through a
  // tuplestore: FLT-5 oldest-created first at 1M (200,000 matches) 88–104 ms → 43–79 ms.
  return Prisma.sql`
    SELECT ${source.select} FROM ${source.from}
      JOIN (SELECT match_id, match_sort FROM (SELECT ${id} AS match_id, ${column} AS match_sort FROM ${source.from} WHERE ${where} OFFSET 0) AS list_matches
             ORDER BY match_sort ${direction}, match_id ${direction} LIMIT ${limit}) AS list_page ON list_page.match_id = ${id}
     ORDER BY list_page.match_sort ${direction}, list_page.match_id ${direction}`;
}

/** The walk, or null if it ran past the budget (then nothing is left of it: the transaction is rolled back). */
async function walkWithinBudget<Row extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<Row[] | null> {
  const client = await dbPool().connect();
  try {
    // SET LOCAL: the budget ends with the transaction (README, "The pooled-connection rule").
    await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.round(planLimits.walkBudgetMs))}`);
    try {
      const { rows } = await client.query<Row>(sql.text, sql.values as unknown[]);
      await client.query("COMMIT");
      return rows;
    } catch (error) {
      await client.query("ROLLBACK");
      if ((error as { code?: string }).code === QUERY_CANCELED) return null;
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * What the request's shape already says: `walk` (an index holds the conditions' matches in the
 * page's order), `matchesFirst` (they sit at the far end of it), or `choose` (rules 2 and 3).
 */
export type PlanHint = "walk" | "matchesFirst" | "choose";

/**
 * One page's rows: `conditions` narrow the list (none: every row), `after` places the keyset
 * cursor; the plan follows the request's shape (see above).
 */
export async function readPage<Row extends pg.QueryResultRow, S extends string, F extends FilterDeclarations>(
  source: ListSource<S, F>,
  conditions: Prisma.Sql[],
  after: Prisma.Sql[],
  read: PageRead,
  hint: PlanHint,
): Promise<Row[]> {
  const where = allOf([...conditions, ...after]);
  if (conditions.length === 0 || hint === "walk") return queryRows<Row>(walkSql(source, where, read));
  if (hint === "choose" && (await walkWorthTrying(source, allOf(conditions), read.limit))) return walkRacingMatchesFirst(walkSql(source, where, read), matchesFirstSql(source, where, read));
  return queryRows<Row>(matchesFirstSql(source, where, read));
}

/** Rule 3's race: the walk, joined by the matches-first read if it has not answered soon. */
async function walkRacingMatchesFirst<Row extends pg.QueryResultRow>(walk: Prisma.Sql, matchesFirst: Prisma.Sql): Promise<Row[]> {
  const walked = walkWithinBudget<Row>(walk);
  const early = planLimits.matchesFirstAfterMs > 0 ? await answerWithin(walked, planLimits.matchesFirstAfterMs) : "late";
  if (early !== "late") return early ?? queryRows<Row>(matchesFirst);
  const other = cancellableRead<Row>(matchesFirst);
  // The loser must not reject unheard: a walk that loses ends by its budget, a read by its cancel.
  walked.catch(() => undefined);
  other.rows.catch(() => undefined);
  let walkedRows: Row[];
  try {
    const first = await Promise.race([walked.then((rows) => ({ rows, by: "walk" as const })), other.rows.then((rows) => ({ rows, by: "matchesFirst" as const }))]);
    if (first.by === "matchesFirst") return first.rows;
    if (!first.rows) return await other.rows;
    walkedRows = first.rows;
  } catch (error) {
    await other.cancel();
    throw error;
  }
  await other.cancel();
  return walkedRows;
}

/** What `answer` resolves to if it does so within `ms`, else "late" (it runs on either way). */
async function answerWithin<T>(answer: Promise<T>, ms: number): Promise<T | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Rules 2 and 3 above: many matches, or few that a walk would still meet soon enough. */
async function walkWorthTrying<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, conditions: Prisma.Sql, limit: number): Promise<boolean> {
  const matches = await estimatedMatches(source, conditions);
  if (matches > planLimits.fewMatches) return true;
  const rows = await estimatedMatches(source, Prisma.sql`TRUE`);
  return (limit * rows) / Math.max(matches, 1) <= planLimits.cheapWalkRows;
}
