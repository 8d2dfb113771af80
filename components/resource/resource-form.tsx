"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { useActionError } from "@/components/ui/use-action-error";

export type FormFieldSpec<V> = {
  name: Path<V> & string;
  label: string;
  kind: "text" | "email" | "password" | "select";
  hint?: string;
  options?: { value: string; label: string }[];
  autoComplete?: string;
};

type Props<V extends FieldValues> = {
  title: string;
  schema: z.ZodType<V, V>;
  defaultValues: DefaultValues<V>;
  fields: FormFieldSpec<V>[];
  submit: (values: V) => Promise<ActionResult<unknown>>;
  /** the words of this form's catalog: its error keys, and its buttons */
  words: (key: string) => string;
  labels: { submit: string; saving: string; cancel: string; done: string };
  /** where to go after saving, and on cancel */
  returnTo: string;
};

/**
 * A resource's form, described by its fields: validated in the browser by the zod schema the
 * server action parses with, server errors put back on their fields, and a toast on success.
 */
export function ResourceForm<V extends FieldValues>({ title, schema, defaultValues, fields, submit, words, labels, returnTo }: Props<V>) {
  const actionError = useActionError();
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<V>({ resolver: zodResolver(schema) as Resolver<V>, defaultValues });
  const fieldNames = new Set<string>(fields.map((field) => field.name));

  const onSubmit = handleSubmit(async (values) => {
    const result = await submit(values);
    if (!result.ok) {
      const onFields = Object.entries(result.error.fieldErrors ?? {}).filter(([name]) => fieldNames.has(name));
      for (const [name, key] of onFields) setError(name as Path<V>, { message: key });
      if (!onFields.length) actionError.toast(result.error);
      return;
    }
    toast.success(labels.done);
    router.push(returnTo);
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
      <h2 className="text-lg font-semibold">{title}</h2>
      {fields.map((field) => {
        const error = formState.errors[field.name]?.message;
        const describedBy = [field.hint ? `${field.name}-hint` : "", error ? `${field.name}-error` : ""].filter(Boolean).join(" ") || undefined;
        const control = {
          id: field.name,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          className: inputClass,
          ...register(field.name),
        };
        return (
          <div key={field.name} className="space-y-1">
            <label htmlFor={field.name} className="block text-sm font-medium">
              {field.label}
            </label>
            {field.kind === "select" ? (
              <select {...control}>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...control} type={field.kind} autoComplete={field.autoComplete} dir={field.kind === "text" ? "auto" : "ltr"} />
            )}
            {field.hint ? (
              <p id={`${field.name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
                {field.hint}
              </p>
            ) : null}
            {typeof error === "string" ? (
              <p id={`${field.name}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
                {words(error)}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-700">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? labels.saving : labels.submit}
        </Button>
        <Link href={returnTo} className={buttonClass("ghost")}>
          {labels.cancel}
        </Link>
      </div>
    </form>
  );
}
