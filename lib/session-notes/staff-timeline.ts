import "server-only";
import { db } from "@/lib/db";

/** How many of each kind of entry a session's page shows (the newest). */
const TIMELINE_LIMIT = 200;

/** What staff see between a session's messages: private notes and assignment changes. */
export type StaffTimelineEntry =
  | { kind: "note"; id: number; at: Date; body: string; edited: boolean; author: { id: number; name: string } | null }
  | { kind: "assignment"; id: number; at: Date; actor: string | null; assignee: string | null };

/** A session's notes and assignment history, oldest first; staff pages only (never a participant's). */
export async function loadStaffTimeline(sessionId: number): Promise<StaffTimelineEntry[]> {
  const [notes, assignments] = await Promise.all([
    db.sessionNote.findMany({
      where: { sessionId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, body: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } } },
    }),
    db.sessionAssignment.findMany({
      where: { sessionId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, createdAt: true, actor: { select: { name: true } }, assignee: { select: { name: true } } },
    }),
  ]);
  const entries: StaffTimelineEntry[] = [
    // A note saved again more than a second after it was written says "(edited)".
    ...notes.map((note): StaffTimelineEntry => ({ kind: "note", id: note.id, at: note.createdAt, body: note.body, edited: note.updatedAt.getTime() - note.createdAt.getTime() > 1000, author: note.author })),
    ...assignments.map((entry): StaffTimelineEntry => ({ kind: "assignment", id: entry.id, at: entry.createdAt, actor: entry.actor?.name ?? null, assignee: entry.assignee?.name ?? null })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
