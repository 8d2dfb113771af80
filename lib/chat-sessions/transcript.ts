import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import type { ExportColumn } from "@/lib/export/columns";
import { translatorFor } from "@/lib/i18n/server";
import type { ExportOutput } from "@/lib/list-engine/export-route";
import type { SessionRow } from "./list";

// Issue 19's transcripts: the messages of the selected (or all matching) sessions, in the list's
// order of sessions and each conversation oldest first, streamed like the sessions export. Staff's
// private notes (issue 20) stand between the messages, marked as notes: this export is staff-only.

export type TranscriptRow = {
  sessionId: number;
  productName: string;
  customerName: string;
  vendorName: string;
  senderName: string;
  side: "customer" | "vendor" | "other" | "note";
  sentAt: Date;
  readAt: Date | null;
  markedReadBy: string | null;
  body: string;
};

/** Messages a batch: one keyset page of a group of sessions at a time, so memory stays flat however long the conversations. */
const TRANSCRIPT_BATCH = 2000;

/**
 * The sessions of a batch in groups of about TRANSCRIPT_BATCH messages between them (by their
 * counters), in their order: each group's conversations are then read in one query. Paging a
 * whole batch of 500 sessions instead recomputed and sorted all their messages for every page
 * (62,801 messages took 3.8 times PostgreSQL's COPY). A conversation longer than a page is a group
 * of its own, read a page at a time.
 */
function* groupsOf(batch: SessionRow[]): Generator<number[]> {
  let group: number[] = [];
  let messages = 0;
  for (const session of batch) {
    if (group.length > 0 && messages + session.messageCount > TRANSCRIPT_BATCH) {
      yield group;
      group = [];
      messages = 0;
    }
    group.push(session.id);
    messages += session.messageCount;
  }
  if (group.length > 0) yield group;
}

async function* messagesOf(sessions: AsyncGenerator<SessionRow[]>): AsyncGenerator<TranscriptRow[]> {
  for await (const batch of sessions) for (const ids of groupsOf(batch)) yield* messagesOfGroup(ids);
}

async function* messagesOfGroup(ids: number[]): AsyncGenerator<TranscriptRow[]> {
  // A message and a note may share a time and an id: `note` (0 or 1) keeps the order total.
  let after: { pos: number; sentAt: Date; note: number; id: number } | null = null;
  for (;;) {
    const seek: Prisma.Sql = after
      ? Prisma.sql`WHERE (o.pos, e.created_at, e.note, e.id) > (${after.pos}::bigint, ${after.sentAt}::timestamptz, ${after.note}, ${after.id})`
      : Prisma.empty;
    const rows: (TranscriptRow & { pos: number; note: number; id: number })[] = await queryRows(Prisma.sql`
      SELECT o.pos::int AS pos, e.note, e.id, o.session_id AS "sessionId", s.product_name AS "productName", s.customer_name AS "customerName",
             s.vendor_name AS "vendorName", coalesce(u.name, '') AS "senderName",
             CASE WHEN e.note = 1 THEN 'note' WHEN e.author_id = s.customer_id THEN 'customer' WHEN e.author_id = s.vendor_id THEN 'vendor' ELSE 'other' END AS side,
             e.created_at AS "sentAt", e.read_at AS "readAt", r.name AS "markedReadBy", e.body
        FROM unnest(${ids}::int[]) WITH ORDINALITY AS o(session_id, pos)
        JOIN chat_sessions s ON s.id = o.session_id
        CROSS JOIN LATERAL (
          SELECT m.id, 0 AS note, m.sender_id AS author_id, m.created_at, m.read_at, m.read_by_staff_id, m.body FROM chat_messages m WHERE m.session_id = o.session_id
          UNION ALL
          SELECT n.id, 1, n.author_id, n.created_at, NULL, NULL, n.body FROM session_notes n WHERE n.session_id = o.session_id
        ) e
        LEFT JOIN users u ON u.id = e.author_id
        LEFT JOIN users r ON r.id = e.read_by_staff_id
        ${seek}
       ORDER BY o.pos, e.created_at, e.note, e.id
       LIMIT ${TRANSCRIPT_BATCH}`);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < TRANSCRIPT_BATCH || !last) break;
    after = { pos: last.pos, sentAt: last.sentAt, note: last.note, id: last.id };
  }
}

function transcriptColumns(locale: Parameters<typeof translatorFor>[0]): ExportColumn<TranscriptRow>[] {
  const t = translatorFor(locale, "chatSessions");
  const side = { customer: t("awaitingCustomer"), vendor: t("awaitingVendor"), other: "", note: t("transcriptNote") };
  return [
    { header: t("transcriptSession"), value: (row) => row.sessionId, kind: "number", width: 10 },
    { header: t("colProduct"), value: (row) => row.productName, kind: "text", width: 40 },
    { header: t("colCustomer"), value: (row) => row.customerName, kind: "text", width: 25 },
    { header: t("colVendor"), value: (row) => row.vendorName, kind: "text", width: 25 },
    { header: t("transcriptSender"), value: (row) => row.senderName, kind: "text", width: 25 },
    { header: t("transcriptSide"), value: (row) => side[row.side], kind: "text", width: 12 },
    { header: t("transcriptSentAt"), value: (row) => row.sentAt, kind: "date", width: 22 },
    { header: t("transcriptReadAt"), value: (row) => row.readAt ?? "", kind: "date", width: 22 },
    { header: t("transcriptMarkedReadBy"), value: (row) => row.markedReadBy ?? "", kind: "text", width: 25 },
    { header: t("transcriptBody"), value: (row) => row.body, kind: "text", width: 80 },
  ];
}

/** The sessions export's route, writing the sessions' messages instead of the sessions. */
export const transcriptOutput: ExportOutput<SessionRow, TranscriptRow> = {
  name: "chat-transcripts",
  auditAction: "chatSessions.exportTranscript",
  columns: transcriptColumns,
  rows: messagesOf,
};
