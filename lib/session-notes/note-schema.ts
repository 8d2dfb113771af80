import { z } from "zod";
import { idSchema } from "@/lib/id-schema";

// One schema for the note form and the server actions; messages are keys of the `team` catalog.
export const NOTE_MAX_LENGTH = 4000;
// NUL characters, which a PostgreSQL text cannot hold, are dropped (as in a message's text).
const noteBody = z
  .string({ error: "noteEmpty" })
  .overwrite((text) => text.replaceAll("\u0000", ""))
  .trim()
  .min(1, { error: "noteEmpty" })
  .max(NOTE_MAX_LENGTH, { error: "noteTooLong" });
const id = idSchema();

export const noteFormSchema = z.object({ body: noteBody });
export const addNoteSchema = z.object({ sessionId: id, body: noteBody });
export const editNoteSchema = z.object({ noteId: id, body: noteBody });
export const deleteNoteSchema = z.object({ noteId: id });
