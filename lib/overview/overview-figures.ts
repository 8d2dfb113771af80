import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";

export const OVERVIEW_DAYS = 30;
export const REPLY_WEEKS = 8;
export const CONVERSION_WINDOW_DAYS = 14;
/** Sessions whose conversion is counted: opened in these days, at least the window ago. */
export const CONVERSION_COHORT_DAYS = 90;

export type DayCount = { day: string; messages: number };
export type WeekMedian = { week: string; medianSeconds: number; sessions: number };
export type VendorCount = { vendorId: number; vendorName: string; sessions: number };
export type VendorConversion = { vendorId: number; vendorName: string; sessions: number; converted: number };
export type OverviewFigures = {
  unreadTotal: number;
  awaiting: { sessions: number; longestWaitSince: Date | null };
  messagesPerDay: DayCount[];
  firstReplyByWeek: WeekMedian[];
  vendorsMostWaiting: VendorCount[];
  conversion: { sessions: number; converted: number; byVendor: VendorConversion[] };
};

// Every figure walks an index: sessions by last_message_at or created_at, a session's messages
// by (session_id, created_at), orders by customer_id; none scans the messages table.
const AWAITING = (since: Date) => Prisma.sql`
  SELECT s.id, s.vendor_id, s.vendor_name, m.created_at AS waiting_since
    FROM chat_sessions s
    CROSS JOIN LATERAL (SELECT sender_id, created_at FROM chat_messages WHERE session_id = s.id ORDER BY created_at DESC, id DESC LIMIT 1) m
   WHERE s.last_message_at >= ${since} AND m.sender_id = s.customer_id`;

/** The staff overview (the page at /): what waits, how busy, how fast vendors answer, what sells. */
export async function loadOverviewFigures(now: Date = new Date()): Promise<OverviewFigures> {
  const since = new Date(now.getTime() - OVERVIEW_DAYS * 86_400_000);
  const replySince = new Date(now.getTime() - REPLY_WEEKS * 7 * 86_400_000);
  const cohortFrom = new Date(now.getTime() - CONVERSION_COHORT_DAYS * 86_400_000);
  const cohortTo = new Date(now.getTime() - CONVERSION_WINDOW_DAYS * 86_400_000);
  const [unreadTotal, awaiting, vendorsMostWaiting, messagesPerDay, firstReplyByWeek, conversion] = await Promise.all([
    getUnreadTotal(),
    queryRows<{ sessions: number; oldest: Date | null }>(Prisma.sql`SELECT count(*)::int AS sessions, min(waiting_since) AS oldest FROM (${AWAITING(since)}) a`),
    queryRows<VendorCount>(Prisma.sql`
      SELECT vendor_id AS "vendorId", vendor_name AS "vendorName", count(*)::int AS sessions
        FROM (${AWAITING(since)}) a GROUP BY vendor_id, vendor_name ORDER BY sessions DESC, vendor_id LIMIT 5`),
    queryRows<DayCount>(Prisma.sql`
      SELECT to_char(date_trunc('day', m.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS messages
        FROM chat_sessions s JOIN chat_messages m ON m.session_id = s.id AND m.created_at >= ${since}
       WHERE s.last_message_at >= ${since}
       GROUP BY 1 ORDER BY 1`),
    queryRows<WeekMedian>(Prisma.sql`
      SELECT to_char(date_trunc('week', c.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.at - c.at)))::int AS "medianSeconds",
             count(*)::int AS sessions
        FROM chat_sessions s
        CROSS JOIN LATERAL (SELECT created_at AS at FROM chat_messages WHERE session_id = s.id AND sender_id = s.customer_id ORDER BY created_at, id LIMIT 1) c
        CROSS JOIN LATERAL (SELECT created_at AS at FROM chat_messages WHERE session_id = s.id AND sender_id = s.vendor_id AND created_at >= c.at ORDER BY created_at, id LIMIT 1) v
       WHERE s.created_at >= ${replySince}
       GROUP BY 1 ORDER BY 1`),
    queryRows<VendorConversion>(Prisma.sql`
      SELECT s.vendor_id AS "vendorId", s.vendor_name AS "vendorName", count(*)::int AS sessions,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM orders o WHERE o.customer_id = s.customer_id AND o.vendor_id = s.vendor_id
                  AND o.created_at >= s.created_at AND o.created_at < s.created_at + make_interval(days => ${CONVERSION_WINDOW_DAYS})))::int AS converted
        FROM chat_sessions s
       WHERE s.created_at >= ${cohortFrom} AND s.created_at < ${cohortTo}
       GROUP BY s.vendor_id, s.vendor_name`),
  ]);
  const sessions = conversion.reduce((sum, vendor) => sum + vendor.sessions, 0);
  const converted = conversion.reduce((sum, vendor) => sum + vendor.converted, 0);
  return {
    unreadTotal,
    awaiting: { sessions: awaiting[0]?.sessions ?? 0, longestWaitSince: awaiting[0]?.oldest ?? null },
    messagesPerDay: fillDays(messagesPerDay, since, now),
    firstReplyByWeek,
    vendorsMostWaiting,
    conversion: { sessions, converted, byVendor: [...conversion].sort((a, b) => b.sessions - a.sessions || a.vendorId - b.vendorId).slice(0, 10) },
  };
}

/** Every day of the window, quiet ones as 0, so the chart's axis is time and not the data's gaps. */
export function fillDays(counts: DayCount[], since: Date, now: Date): DayCount[] {
  const byDay = new Map(counts.map((count) => [count.day, count.messages]));
  const days: DayCount[] = [];
  for (let day = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate())); day <= now; day = new Date(day.getTime() + 86_400_000)) {
    const key = day.toISOString().slice(0, 10);
    days.push({ day: key, messages: byDay.get(key) ?? 0 });
  }
  return days;
}
