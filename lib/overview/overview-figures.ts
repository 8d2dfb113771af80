import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";

export const OVERVIEW_DAYS = 30;
export const REPLY_WEEKS = 8;
export const CONVERSION_WINDOW_DAYS = 14;
/** Sessions whose conversion is counted: opened in the whole weeks of these days that ended at least the window ago. */
export const CONVERSION_COHORT_DAYS = 90;
const DAY_MS = 86_400_000;

export type DayCount = { day: string; messages: number };
export type WeekMedian = { week: string; medianSeconds: number; sessions: number };
export type VendorCount = { vendorId: number; vendorName: string; sessions: number };
export type VendorConversion = { vendorId: number; vendorName: string; sessions: number; converted: number };
export type Awaiting = { sessions: number; longestWaitSince: Date | null };
export type Conversion = { sessions: number; converted: number; byVendor: VendorConversion[] };
export type OverviewFigures = {
  unreadTotal: number;
  awaiting: Awaiting;
  messagesPerDay: DayCount[];
  firstReplyByWeek: WeekMedian[];
  vendorsMostWaiting: VendorCount[];
  conversion: Conversion;
};

// Every figure reads a few hundred rows at most, at any size: the unread total from its 16 slots,
// the longest wait from the first entry of the index on (awaiting, awaiting_since), the rest from
// the count tables the triggers keep exact (migration overview_counts; drift:
// lib/overview/overview-drift.ts).

/** Midnight UTC of the Monday of `at`'s week (the count tables' weeks are date_trunc('week') in UTC). */
export function weekStart(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS);
}
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** Sessions awaiting a vendor's reply (the triage queue), and since when the longest of them waits. */
export async function loadAwaiting(): Promise<Awaiting> {
  const [row] = await queryRows<{ sessions: number; oldest: Date | null }>(Prisma.sql`
    SELECT (SELECT coalesce(sum(sessions), 0)::int FROM vendor_awaiting_counts) AS sessions,
           (SELECT awaiting_since FROM chat_sessions WHERE awaiting = 'vendor' ORDER BY awaiting_since, id LIMIT 1) AS oldest`);
  return { sessions: row?.sessions ?? 0, longestWaitSince: row?.oldest ?? null };
}

/** The five vendors with the most sessions awaiting their reply. */
export function loadVendorsMostWaiting(): Promise<VendorCount[]> {
  return queryRows<VendorCount>(Prisma.sql`
    SELECT a.vendor_id AS "vendorId", u.name AS "vendorName", a.sessions
      FROM (SELECT * FROM vendor_awaiting_counts WHERE sessions > 0 ORDER BY sessions DESC, vendor_id LIMIT 5) a
      JOIN users u ON u.id = a.vendor_id ORDER BY a.sessions DESC, a.vendor_id`);
}

/** Messages sent per UTC day, from the day OVERVIEW_DAYS ago to today, quiet days as 0. */
export async function loadMessagesPerDay(now: Date): Promise<DayCount[]> {
  const since = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS);
  const counts = await queryRows<DayCount>(Prisma.sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(messages)::int AS messages
      FROM message_day_counts WHERE day >= ${isoDay(since)}::date GROUP BY day ORDER BY day`);
  return fillDays(counts, since, now);
}

/**
 * The median time from a customer's first message to the vendor's first reply, per UTC week of
 * that first message, over the last REPLY_WEEKS weeks (this one included): the middle one or two
 * of each week's counts, as percentile_cont(0.5) would give over the sessions, to the precision
 * formatDuration shows (the counts are kept at that precision: migration overview_counts, reply_bucket).
 */
export function loadFirstReplyByWeek(now: Date): Promise<WeekMedian[]> {
  const from = new Date(weekStart(now).getTime() - (REPLY_WEEKS - 1) * 7 * DAY_MS);
  return queryRows<WeekMedian>(Prisma.sql`
    SELECT to_char(week, 'YYYY-MM-DD') AS week, round((min(seconds) FILTER (WHERE upto > (total - 1) / 2)
                                                      + min(seconds) FILTER (WHERE upto > total / 2)) / 2.0)::int AS "medianSeconds",
           max(total)::int AS sessions
      FROM (SELECT week, seconds, sum(sessions) OVER (PARTITION BY week ORDER BY seconds) AS upto, sum(sessions) OVER (PARTITION BY week) AS total
              FROM first_reply_counts WHERE week >= ${isoDay(from)}::date AND sessions > 0) counted
     GROUP BY week ORDER BY week`);
}

/**
 * The share of sessions followed by an order between the same customer and vendor within
 * CONVERSION_WINDOW_DAYS, overall and for the ten vendors with the most sessions: sessions opened
 * in the whole UTC weeks from CONVERSION_COHORT_DAYS ago that ended at least the window ago.
 */
export async function loadConversion(now: Date): Promise<Conversion> {
  const from = new Date(weekStart(new Date(now.getTime() - CONVERSION_COHORT_DAYS * DAY_MS)).getTime() + 7 * DAY_MS);
  // the last week whose end is the window ago or earlier
  const to = weekStart(new Date(now.getTime() - (CONVERSION_WINDOW_DAYS + 7) * DAY_MS));
  const rows = await queryRows<VendorConversion & { allSessions: number; allConverted: number }>(Prisma.sql`
    WITH cohort AS (
      SELECT vendor_id, sum(sessions)::int AS sessions, sum(converted)::int AS converted
        FROM conversion_week_counts WHERE week >= ${isoDay(from)}::date AND week <= ${isoDay(to)}::date GROUP BY vendor_id)
    SELECT c.vendor_id AS "vendorId", u.name AS "vendorName", c.sessions, c.converted, t.sessions AS "allSessions", t.converted AS "allConverted"
      FROM (SELECT coalesce(sum(sessions), 0)::int AS sessions, coalesce(sum(converted), 0)::int AS converted FROM cohort) t
      LEFT JOIN LATERAL (SELECT * FROM cohort WHERE sessions > 0 ORDER BY sessions DESC, vendor_id LIMIT 10) c ON true
      LEFT JOIN users u ON u.id = c.vendor_id`);
  const totals = rows[0] ?? { allSessions: 0, allConverted: 0 };
  const byVendor = rows.filter((row) => row.vendorId != null).map(({ vendorId, vendorName, sessions, converted }) => ({ vendorId, vendorName, sessions, converted }));
  return { sessions: totals.allSessions, converted: totals.allConverted, byVendor };
}

/** The staff overview (the page at /): what waits, how busy, how fast vendors answer, what sells. */
export async function loadOverviewFigures(now: Date = new Date()): Promise<OverviewFigures> {
  const [unreadTotal, awaiting, vendorsMostWaiting, messagesPerDay, firstReplyByWeek, conversion] = await Promise.all([
    getUnreadTotal(),
    loadAwaiting(),
    loadVendorsMostWaiting(),
    loadMessagesPerDay(now),
    loadFirstReplyByWeek(now),
    loadConversion(now),
  ]);
  return { unreadTotal, awaiting, messagesPerDay, firstReplyByWeek, vendorsMostWaiting, conversion };
}

/** Every day of the window, quiet ones as 0, so the chart's axis is time and not the data's gaps. */
export function fillDays(counts: DayCount[], since: Date, now: Date): DayCount[] {
  const byDay = new Map(counts.map((count) => [count.day, count.messages]));
  const days: DayCount[] = [];
  for (let day = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate())); day <= now; day = new Date(day.getTime() + DAY_MS)) {
    const key = day.toISOString().slice(0, 10);
    days.push({ day: key, messages: byDay.get(key) ?? 0 });
  }
  return days;
}
