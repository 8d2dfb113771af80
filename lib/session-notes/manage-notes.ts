import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { announceStaffChange } from "@/lib/realtime/staff-events";
import type { addNoteSchema, deleteNoteSchema, editNoteSchema } from "./note-schema";

// Private notes (issue 20): written by staff, kept apart from the messages (their own table, read
// only by staff queries), so no participant path (web chat, /api/v1, event log, notifications,
// exports) can reach them. Every change is audited and shown live to staff only.

export async function addNote(input: z.output<typeof addNoteSchema>, actor: CurrentUser): Promise<{ id: number }> {
  const note = await db.$transaction(async (tx) => {
    const session = await tx.chatSession.findUnique({ where: { id: input.sessionId }, select: { id: true } });
    if (!session) throw new DomainError("not_found", "sessionNotFound");
    const note = await tx.sessionNote.create({ data: { sessionId: input.sessionId, authorId: actor.id, body: input.body }, select: { id: true } });
    await audit(tx, { actorId: actor.id, action: "notes.add", targetType: "sessionNote", targetId: note.id, details: { sessionId: input.sessionId, length: input.body.length } });
    return note;
  });
  await announceStaffChange([input.sessionId]);
  return note;
}

/** The note, locked, if this user may change it: its author, or an admin. */
async function noteToChange(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], noteId: number, actor: CurrentUser) {
  const [note] = await tx.$queryRaw<{ sessionId: number; authorId: number | null; body: string }[]>`
    SELECT session_id AS "sessionId", author_id AS "authorId", body FROM session_notes WHERE id = ${noteId} FOR UPDATE`;
  if (!note) throw new DomainError("not_found", "noteGone");
  if (note.authorId !== actor.id && !can(actor.role, "notes.moderate")) throw new DomainError("forbidden", "forbidden");
  return note;
}

export async function editNote(input: z.output<typeof editNoteSchema>, actor: CurrentUser): Promise<{ id: number }> {
  const sessionId = await db.$transaction(async (tx) => {
    const note = await noteToChange(tx, input.noteId, actor);
    await tx.sessionNote.update({ where: { id: input.noteId }, data: { body: input.body } });
    await audit(tx, { actorId: actor.id, action: "notes.edit", targetType: "sessionNote", targetId: input.noteId, details: { sessionId: note.sessionId, authorId: note.authorId, before: note.body } });
    return note.sessionId;
  });
  await announceStaffChange([sessionId]);
  return { id: input.noteId };
}

export async function deleteNote(input: z.output<typeof deleteNoteSchema>, actor: CurrentUser): Promise<{ id: number }> {
  const sessionId = await db.$transaction(async (tx) => {
    const note = await noteToChange(tx, input.noteId, actor);
    await tx.sessionNote.delete({ where: { id: input.noteId } });
    await audit(tx, { actorId: actor.id, action: "notes.delete", targetType: "sessionNote", targetId: input.noteId, details: { sessionId: note.sessionId, authorId: note.authorId, body: note.body } });
    return note.sessionId;
  });
  await announceStaffChange([sessionId]);
  return { id: input.noteId };
}
