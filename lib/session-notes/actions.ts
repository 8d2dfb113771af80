"use server";
import { defineAction } from "@/lib/actions/define-action";
import { addNote, deleteNote, editNote } from "./manage-notes";
import { addNoteSchema, deleteNoteSchema, editNoteSchema } from "./note-schema";

export const addNoteAction = defineAction("notes.write", addNoteSchema, (input, user) => addNote(input, user));

/** Its author, or an admin (`notes.moderate`): the use case checks whose note it is. */
export const editNoteAction = defineAction("notes.write", editNoteSchema, (input, user) => editNote(input, user));

export const deleteNoteAction = defineAction("notes.write", deleteNoteSchema, (input, user) => deleteNote(input, user));
