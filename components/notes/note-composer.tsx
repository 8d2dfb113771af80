"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { addNoteAction } from "@/lib/session-notes/actions";
import { noteFormSchema } from "@/lib/session-notes/note-schema";
import { useT } from "@/lib/i18n/client";

/** A private note for the team, below the reply form: styled apart, never sent to a participant. */
export function NoteComposer({ sessionId, onAdded }: { sessionId: number; onAdded: () => void }) {
  const t = useT("team");
  const common = useT("common");
  const { register, handleSubmit, reset, formState } = useForm({ resolver: zodResolver(noteFormSchema), defaultValues: { body: "" } });
  const add = handleSubmit(async ({ body }) => {
    const result = await addNoteAction({ sessionId, body });
    if (!result.ok) {
      toast.error(result.error.code === "forbidden" ? common("forbidden") : common("errorBody"));
      return;
    }
    reset({ body: "" });
    toast.success(t("noteAdded"));
    onAdded();
  });
  return (
    <form onSubmit={add} noValidate className="space-y-2 rounded-lg border border-dashed border-amber-500 bg-amber-50 p-4 dark:border-amber-400 dark:bg-amber-950" data-testid="note-composer">
      <label htmlFor={`note-body-${sessionId}`} className="block text-sm font-medium text-amber-950 dark:text-amber-50">
        {t("noteLabel")}
      </label>
      <textarea id={`note-body-${sessionId}`} rows={2} dir="auto" placeholder={t("notePlaceholder")} className={inputClass} aria-invalid={formState.errors.body ? true : undefined} {...register("body")} />
      {formState.errors.body ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{t(formState.errors.body.message as "noteEmpty")}</p> : null}
      <Button type="submit" disabled={formState.isSubmitting}>
        {t("addNote")}
      </Button>
    </form>
  );
}
