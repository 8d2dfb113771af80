import "server-only";
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { answerWithin } from "@/lib/answer-within";
import { cancellableRead, queryRows } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";
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
 *    matches first, without trying the walk, which would only run beside it for nothing (at 1M,
 *    68 ms against 24 ms; the planner expects the week's 200,000 matches evenly spread).
 * 2. The planner's estimate of the matches (one EXPLAIN, well under a millisecond) is at most
 *    `fewMatches`, and a walk would read many rows to fill a page (the page's share of the table
 *    at the matches' density, over `cheapWalkRows`): the matches first — reading a few thousand
 *    rows costs a few ms whatever the sort. Few matches that a walk still meets often enough
 *    (FLT-5 with 'watch' at 1M: ~4,000 matches, one row in ~250, so ~6,500 rows to a page) go on
 *    to 3: their walk took 2 ms, reading them first 50 ms (the search's 26,000 matches, then the
 *    filter). One vendor's orders at 300k orders (~420 estimated, ~18,500 rows to a page through
 *    the orders' joins) walked in 10–12 ms and were read first in 2: hence 10,000 rows, not 20,000.
 * 3. Otherwise the planner's own plan (the walk, or a partial index that fits).
 * A walk of a search's matches (the search alone) in a sort where they sit together
 * (`searchClusters`: names), up to `cheapMatchesUpTo`, has the matches' read start beside it
 * after 2 ms, not 10: a density says nothing there, and the matches sit at the start of the
 * order or far along it, depending on the direction ('يوسف' by customer at 1M, oldest first:
 * 34–42 → 24–25 ms; users 'يوسف' by name at 200k: 15 → 6.4–7.6 ms; descending, 0.8–0.9 ms
 * either way). With a filter beside the search, the matches' read was not cheap (FLT-5 with
 * 'watch' by customer or vendor, walks of 2.5–4 ms, became 5.4–8.2 ms with it hedged at 2 ms).
 * A search whose matches the estimate cannot see (on a joined table: `PageConditions.unseen`) is
 * walked, and read matches first beside the walk after 2 ms.
 * In 2 and 3 the chosen read runs alone for `secondReadAfterMs`; if it has not answered by then,
 * the other one starts beside it on a second connection, the first answer is the page, and the
 * other read is cancelled. A walk of up to `cheapMatchesUpTo` matches (estimated) that has
 * still not answered once it has raced the matches' read for as long again is cancelled, and the
 * matches' read goes on alone: on this machine's two cores that read ran at half speed beside a
 * walk ('يوسف' sorted by customer, oldest first, at 1M: 22.5 ms alone, 42 beside the walk; the
 * page 53 ms raced to the end, 43 with the walk giving way after 20 ms). Giving way at once, when
 * the matches' read starts, made that page 33 ms but stopped walks of 12–20 ms for reads that
 * took as long again (the vendors among 200k users by creation, 19 → 26–30 ms); 'watch' by
 * product name, whose read first is slower and less hurt by the walk, is 84 ms raced and 90 so.
 * The estimate only says which to try first: a walk whose matches sit far along the order
 * ('watch' sorted by product name at 1M: 130 ms read first) no longer holds
 * the page for a budget before the other read starts, and a filter whose matches the estimate
 * puts too low (users with unread messages, 122,589 estimated, 172,297 at 200k users) no longer
 * reads them all first (740 ms) when a walk has its page in 12–40 ms. Every request tries again:
 * remembering which read won (tried in this session, for a budgeted walk) kept 'watch' on its
 * 127 ms plan after two walks slowed by the page's other queries, where the walk takes 3–20 ms.
 * Either way the rows are the same: only the plan changes, never the answer.
 */
export const planLimits = {
  /** matches (estimated) up to which they are read first without trying the walk… */
  fewMatches: 5_000,
  /** …unless a walk would fill the page within this many rows (the matches' density, estimated) */
  cheapWalkRows: 10_000,
  /** how long the chosen read runs alone before the other starts beside it (0: both at once) */
  secondReadAfterMs: 10,
  /** the same for a walk whose matches the estimate cannot see (`PageConditions.unseen`) */
  unseenSecondReadAfterMs: 2,
  /**
   * matches (estimated) up to which reading them first costs at most tens of ms: a walk of so few
   * that has not answered once it has raced that read for `secondReadAfterMs` is cancelled, the
   * read left to answer alone (a walk beside it halves its speed on this machine's two cores),
   * and a walk of so few that sit together (`searchClusters`) has that read start beside it after
   * `clusteredSecondReadAfterMs`
   */
  cheapMatchesUpTo: 50_000,
  /** `secondReadAfterMs` for a walk of up to `cheapMatchesUpTo` matches that sit together in the sort's order */
  clusteredSecondReadAfterMs: 2,
};

/** The planner's estimate of how many rows `where` leaves, without running it. */
async function estimatedMatches<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, where: Prisma.Sql): Promise<number> {
  const [row] = await queryRows<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${source.from} WHERE ${where}`);
  return row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

export type PageRead = { column: Prisma.Sql; direction: Prisma.Sql; limit: number };

function walkSql<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, where: Prisma.Sql, { column, direction, limit }: PageRead): Prisma.Sql {
  const id = Prisma.raw(source.id);
  return Prisma.sql`
    SELECT /* list page: walk */ ${source.select} FROM ${source.from}
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

/**
 * What the request's shape already says: `walk` (an index holds the conditions' matches in the
 * page's order), `matchesFirst` (they sit at the far end of it), `clustered` (a search's matches
 * sit together in it, at one end or the other: the matches' read starts sooner beside a walk), or
 * `choose` (rules 2 and 3).
 */
export type PlanHint = "walk" | "matchesFirst" | "clustered" | "choose";

/**
 * The conditions that narrow a page (none: every row), as the matches are found (`matches`) and
 * as a walk tests each row it passes (`walk`: the same rows; a search on a joined table written
 * row by row, `searchRowByRow`). `unseen`: the planner's estimate cannot see how many rows match
 * (a search on a joined table: one matching actor is one user in 200,000 to it, whether they
 * wrote 90,000 entries of the audit log or 3), so the walk starts and the matches' read joins it
 * `planLimits.unseenSecondReadAfterMs` later: a busy actor's page is walked in ~1 ms (12 ms when the estimate
 * started the matches' read and the walk waited its 10 ms; 2.5–5 ms with both started at once,
 * the matches' read taking a core from the walk), a rare one's is read first (25–28 ms either way).
 */
export type PageConditions = { matches: Prisma.Sql[]; walk: Prisma.Sql[]; unseen: boolean };

/**
 * One page's rows: `conditions` narrow the list, `after` places the keyset cursor; the plan
 * follows the request's shape (see above).
 */
export async function readPage<Row extends pg.QueryResultRow, S extends string, F extends FilterDeclarations>(
  source: ListSource<S, F>,
  conditions: PageConditions,
  after: Prisma.Sql[],
  read: PageRead,
  hint: PlanHint,
): Promise<Row[]> {
  const walkWhere = allOf([...conditions.walk, ...after]);
  const matchesWhere = allOf([...conditions.matches, ...after]);
  if (conditions.matches.length === 0 || hint === "walk") return queryRows<Row>(walkSql(source, walkWhere, read));
  if (hint === "matchesFirst") return queryRows<Row>(matchesFirstSql(source, matchesWhere, read));
  const walk: WayOfReading = { way: "walk", sql: walkSql(source, walkWhere, read) };
  const matchesFirst: WayOfReading = { way: "matchesFirst", sql: matchesFirstSql(source, matchesWhere, read) };
  if (conditions.unseen) return firstAnswer<Row>(walk, matchesFirst, { secondAfterMs: planLimits.unseenSecondReadAfterMs });
  const matches = await keptEstimate(source, allOf(conditions.matches));
  if (!(await walkWorthTrying(source, matches, read.limit))) return firstAnswer<Row>(matchesFirst, walk);
  // A walk's density says nothing of matches that sit together (names): the matches' read starts
  // soon when it is cheap, which the estimate tells only of a search alone (with a filter, the read
  // goes through the search's own matches: FLT-5 with 'watch', ~4,000, reads 26,000, 27 ms).
  const cheapAndTogether = hint === "clustered" && conditions.matches.length === 1 && matches <= planLimits.cheapMatchesUpTo;
  return firstAnswer<Row>(walk, matchesFirst, {
    secondAfterMs: cheapAndTogether ? planLimits.clusteredSecondReadAfterMs : planLimits.secondReadAfterMs,
    firstGivesWayAfterMs: matches <= planLimits.cheapMatchesUpTo ? planLimits.secondReadAfterMs : undefined,
  });
}

type WayOfReading = { way: "walk" | "matchesFirst"; sql: Prisma.Sql };

/**
 * `first`'s rows, or `second`'s if it answers sooner once started beside it, `secondAfterMs`
 * after `first`; given `firstGivesWayAfterMs`, `first` races `second` that long, then is
 * cancelled and `second` alone answers. The read that loses is cancelled (not waited for). Each
 * read is counted, with whether it won, in /metrics (list_page_reads_total).
 */
async function firstAnswer<Row extends pg.QueryResultRow>(
  first: WayOfReading,
  second: WayOfReading,
  { secondAfterMs = planLimits.secondReadAfterMs, firstGivesWayAfterMs }: { secondAfterMs?: number; firstGivesWayAfterMs?: number } = {},
): Promise<Row[]> {
  const start = ({ way, sql }: WayOfReading) => {
    const read = cancellableRead<Row>(sql);
    return { way, cancel: read.cancel, answer: read.rows.then((rows) => ({ way, rows })) };
  };
  const firstRead = start(first);
  const reads = [firstRead];
  let winner: WayOfReading["way"] | null = null;
  try {
    let answer = await answerWithin(firstRead.answer, secondAfterMs);
    if (answer === "late") {
      const secondRead = start(second);
      reads.push(secondRead);
      const race = Promise.race(reads.map((read) => read.answer));
      answer = firstGivesWayAfterMs === undefined ? await race : await answerWithin(race, firstGivesWayAfterMs);
      if (answer === "late") {
        void firstRead.cancel();
        answer = await secondRead.answer;
      }
    }
    winner = answer.way;
    return answer.rows;
  } finally {
    for (const read of reads) {
      metrics().listPageReads.inc({ way: read.way, outcome: read.way === winner ? "won" : "lost" });
      if (read.way !== winner) void read.cancel();
    }
  }
}

/** Rules 2 and 3 above: many matches, or few that a walk would still meet soon enough. */
async function walkWorthTrying<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, matches: number, limit: number): Promise<boolean> {
  if (matches > planLimits.fewMatches) return true;
  const rows = await keptEstimate(source, Prisma.sql`TRUE`);
  return (limit * rows) / Math.max(matches, 1) <= planLimits.cheapWalkRows;
}

const ESTIMATE_KEPT_MS = 60_000;
const ESTIMATES_KEPT = 1_000;
const estimates = new Map<string, { matches: number; until: number }>();

/**
 * The planner's estimate of `where`'s matches (all of a source's rows for TRUE), asked once a
 * minute for the same conditions: an estimate moves only with the table's statistics, and only
 * says which read to try first. Paging through a customer's sessions, sorting them otherwise or
 * coming back to them asks again once, not on every page (0.2 ms, a fifth of such a page's SQL).
 * The oldest estimates make room past `ESTIMATES_KEPT`.
 */
async function keptEstimate<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, where: Prisma.Sql): Promise<number> {
  const key = JSON.stringify([source.from.text, source.from.values, where.text, where.values]);
  const kept = estimates.get(key);
  if (kept && kept.until > Date.now()) return kept.matches;
  const matches = await estimatedMatches(source, where);
  estimates.delete(key);
  estimates.set(key, { matches, until: Date.now() + ESTIMATE_KEPT_MS });
  if (estimates.size > ESTIMATES_KEPT) estimates.delete(estimates.keys().next().value as string);
  return matches;
}
