"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Lock } from "lucide-react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { inputClass } from "@/components/ui/field";
import { ExactTime } from "@/components/ui/relative-time";
import { deleteNoteAction, editNoteAction } from "@/lib/session-notes/actions";
import { noteFormSchema } from "@/lib/session-notes/note-schema";
import type { StaffTimelineEntry } from "@/lib/session-notes/staff-timeline";
import { useT } from "@/lib/i18n/client";

/** Who may change a note: its author, or an admin (notes.moderate). */
export type NoteAbility = { me: number; write: boolean; moderate: boolean };

/**
 * A staff-only entry between the messages: a private note (amber, with a lock, author and time;
 * its author or an admin edits or deletes it) or an assignment change (a quiet centred line).
 */
export function StaffTimelineItem({ entry, ability, onChanged }: { entry: StaffTimelineEntry; ability: NoteAbility; onChanged: () => void }) {
  const t = useT("team");
  if (entry.kind === "assignment") {
    const actor = entry.actor ?? t("someone");
    return (
      <li className="text-center text-xs text-slate-600 dark:text-slate-400" data-testid="assignment-entry">
        {entry.assignee ? t("assignedEntry", { actor, assignee: entry.assignee }) : t("releasedEntry", { actor })} · <ExactTime value={entry.at} />
      </li>
    );
  }
  return <NoteItem note={entry} ability={ability} onChanged={onChanged} />;
}

function NoteItem({ note, ability, onChanged }: { note: Extract<StaffTimelineEntry, { kind: "note" }>; ability: NoteAbility; onChanged: () => void }) {
  const t = useT("team");
  const common = useT("common");
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [pending, startTransition] = useTransition();
  const mayChange = ability.write && (note.author?.id === ability.me || ability.moderate);
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(noteFormSchema), defaultValues: { body: note.body } });
  const failed = (message: string): void => void toast.error(message === "noteGone" ? t("noteGone") : message === "forbidden" ? common("forbidden") : common("errorBody"));
  const save = handleSubmit(async ({ body }) => {
    const result = await editNoteAction({ noteId: note.id, body });
    if (!result.ok) return failed(result.error.message);
    setEditing(false);
    toast.success(t("noteSaved"));
    onChanged();
  });
  const remove = () =>
    startTransition(async () => {
      const result = await deleteNoteAction({ noteId: note.id });
      setDeleting(false);
      if (!result.ok) return failed(result.error.message);
      toast.success(t("noteDeleted"));
      onChanged();
    });
  const bodyId = `note-${note.id}-body`;
  return (
    <li className="mx-auto max-w-[85%] rounded-lg border border-dashed border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50" data-testid="staff-note" aria-label={t("notePrivate")}>
      <p className="mb-1 flex flex-wrap items-center gap-2 text-xs font-medium">
        <Lock aria-hidden="true" className="h-3.5 w-3.5" />
        <span>{t("notesTitle")}</span>
        <span>
          <bdi>{note.author?.name ?? t("someone")}</bdi> · <ExactTime value={note.at} /> {note.edited ? t("noteEdited") : null}
        </span>
      </p>
      {editing ? (
        <form onSubmit={save} noValidate className="space-y-2">
          <label htmlFor={bodyId} className="sr-only">
            {t("editNote")}
          </label>
          <textarea id={bodyId} rows={3} dir="auto" className={inputClass} {...register("body")} />
          {formState.errors.body ? <p role="alert" className="text-xs text-red-700 dark:text-red-300">{t(formState.errors.body.message as "noteEmpty")}</p> : null}
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
              {t("saveNote")}
            </Button>
            <Button onClick={() => setEditing(false)}>{t("cancel")}</Button>
          </div>
        </form>
      ) : (
        <p className="whitespace-pre-wrap" dir="auto">
          {note.body}
        </p>
      )}
      {mayChange && !editing ? (
        <div className="mt-2 flex gap-2">
          <Button onClick={() => setEditing(true)}>{t("editNote")}</Button>
          <Button variant="danger" onClick={() => setDeleting(true)}>
            {t("deleteNote")}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog open={deleting} title={t("deleteNoteTitle")} body={t("deleteNoteBody")} confirmLabel={t("deleteNote")} pending={pending} onConfirm={remove} onCancel={() => setDeleting(false)} />
    </li>
  );
}
