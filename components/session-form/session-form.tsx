"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useForm, type FieldErrors, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EntityCombobox } from "@/components/ui/entity-combobox";
import { createSessionAction, updateSessionAction } from "@/lib/chat-sessions/session-actions";
import { sessionFormSchema, type SessionFormValues } from "@/lib/chat-sessions/session-schema";
import type { ActionError } from "@/lib/actions/result";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import { DateTimeField } from "./date-time-field";
import { useActionError } from "@/components/ui/use-action-error";

export type SessionFormLabels = { product: string | null; customer: string | null; vendor: string | null; order: string | null };
const NO_LABELS: SessionFormLabels = { product: null, customer: null, vendor: null, order: null };

type Props =
  | { mode: "create"; initial?: undefined; labels?: undefined }
  | { mode: "edit"; initial: SessionFormValues & { id: number; updatedAt: string }; labels: SessionFormLabels };

const FIELDS: FieldPath<SessionFormValues>[] = ["productId", "customerId", "vendorId", "orderId", "lastMessageAt"];
const blank = (): SessionFormValues => ({ productId: 0, customerId: 0, vendorId: 0, orderId: null, lastMessageAt: new Date().toISOString() });

/** After a failed submit, the user lands on the first field to fix, in the form's order. */
function focusFirstInvalid(invalid: Iterable<string>): void {
  const names = new Set(invalid);
  const first = FIELDS.find((field) => names.has(field));
  if (first) document.getElementById(first)?.focus();
}
const focusFirstError = (errors: FieldErrors<SessionFormValues>) => focusFirstInvalid(Object.keys(errors));

/** FORM-1..5 (create) and ROW-3 (edit): one form, validated by the schema the server uses. */
export function SessionForm(props: Props) {
  const t = useT("sessionForm");
  const words = useUncheckedT("sessionForm");
  const actionError = useActionError();
  const router = useRouter();
  const [labels, setLabels] = useState<SessionFormLabels>(props.labels ?? NO_LABELS);
  const [proposedVendor, setProposedVendor] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<{ id: number; another: boolean } | null>(null);
  const [conflict, setConflict] = useState(false);
  // A session with messages about to change hands: who will see how many messages, until confirmed.
  const [reassign, setReassign] = useState<{ messages: number; names: string[] } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const form = useForm<SessionFormValues>({ resolver: zodResolver(sessionFormSchema), defaultValues: props.initial ?? blank() });
  const { control, handleSubmit, setError, setValue, reset, formState, getFieldState, watch } = form;
  const [customerId, vendorId, orderId] = watch(["customerId", "vendorId", "orderId"]);
  // Read while rendering: react-hook-form tracks only the form state a render reads.
  const changed = formState.isDirty;
  // The version this form was opened on. Live refreshes re-render the page with newer props, but
  // the user's edits are still based on this one, so a save after someone else's is a conflict.
  const [opened] = useState(() => (props.mode === "edit" ? { updatedAt: props.initial.updatedAt, lastMessageAt: props.initial.lastMessageAt } : null));
  // A message sent meanwhile moves the last-message time forward; an untouched field follows it.
  const liveLastMessageAt = props.initial?.lastMessageAt;
  useEffect(() => {
    if (liveLastMessageAt && !getFieldState("lastMessageAt").isDirty) setValue("lastMessageAt", liveLastMessageAt);
  }, [liveLastMessageAt, getFieldState, setValue]);

  const message = (key: string | undefined) => (key ? words(key) : undefined);
  const showServerError = (error: ActionError): void => {
    const fieldErrors = Object.entries(error.fieldErrors ?? {}).filter(([field]) => (FIELDS as string[]).includes(field));
    for (const [field, key] of fieldErrors) setError(field as FieldPath<SessionFormValues>, { message: key });
    focusFirstInvalid(fieldErrors.map(([field]) => field));
    if (error.code === "conflict") setConflict(true);
    else if (!fieldErrors.length) actionError.toast(error);
  };

  const create = (another: boolean, allowDuplicate: boolean) =>
    handleSubmit(async (values) => {
      const result = await createSessionAction({ ...values, allowDuplicate });
      if (!result.ok) return showServerError(result.error);
      if (result.data.status === "duplicate") {
        setDuplicateOf({ id: result.data.existingId, another });
        return;
      }
      setDuplicateOf(null);
      toast.success(t("created"));
      if (another) {
        // FORM-5: the next session of a series usually shares product, customer and vendor; they
        // stay with their names, the order and the time start afresh.
        reset({ ...blank(), productId: values.productId, customerId: values.customerId, vendorId: values.vendorId });
        setLabels((current) => ({ ...current, order: null }));
        document.getElementById("productId")?.focus();
      } else {
        router.push("/chat-sessions");
        router.refresh();
      }
    }, focusFirstError);

  const saveConfirming = (confirmedMessages: number | null) => handleSubmit(async (values) => {
    if (props.mode !== "edit" || !opened) return;
    const result = await updateSessionAction({
      confirmedMessages,
      ...values,
      id: props.initial.id,
      expectedUpdatedAt: opened.updatedAt,
      // untouched, the field may show a newer time than it was opened with; the server keeps its own then
      openedLastMessageAt: getFieldState("lastMessageAt").isDirty ? opened.lastMessageAt : values.lastMessageAt,
    });
    setReassign(null);
    if (!result.ok) return showServerError(result.error);
    if (result.data.status === "confirmReassign") {
      setReassign({ messages: result.data.messages, names: result.data.newParticipants });
      return;
    }
    toast.success(t("saved"));
    router.push("/chat-sessions");
    router.refresh();
  }, focusFirstError);
  const save = saveConfirming(null);

  const entityField = (name: "productId" | "customerId" | "vendorId", kind: "product" | "customer" | "vendor", labelKey: "product" | "customer" | "vendor") => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div className="space-y-1">
          <EntityCombobox
            id={name}
            kind={kind}
            value={field.value > 0 ? field.value : null}
            initialLabel={labels[labelKey]}
            label={`${t(labelKey)} *`}
            invalid={Boolean(fieldState.error)}
            describedBy={fieldState.error ? `${name}-error` : undefined}
            onChange={(id, label, extra) => {
              field.onChange(id ?? 0);
              setLabels((current) => ({ ...current, [labelKey]: label }));
              // A linked order is between one customer and one vendor: another person unlinks it.
              if (name !== "productId" && orderId != null && id !== field.value) {
                setValue("orderId", null);
                setLabels((current) => ({ ...current, order: null }));
              }
              // FORM-3: the product's owner is normally the vendor; propose it, the user may change it.
              if (name === "productId" && extra?.vendorId && extra.vendorName) {
                setValue("vendorId", extra.vendorId, { shouldValidate: formState.isSubmitted });
                setLabels((current) => ({ ...current, vendor: extra.vendorName ?? null }));
                setProposedVendor(extra.vendorName);
              }
            }}
          />
          {fieldState.error ? (
            <p id={`${name}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
              {message(fieldState.error.message)}
            </p>
          ) : null}
          {name === "vendorId" && proposedVendor ? <p className="text-xs text-slate-600 dark:text-slate-400">{t("vendorProposed", { name: proposedVendor })}</p> : null}
        </div>
      )}
    />
  );

  return (
    <form noValidate onSubmit={props.mode === "edit" ? save : create(false, false)} className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
      <h2 className="text-lg font-semibold">{t("detailsTitle")}</h2>
      {conflict ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p>{t("editConflict")}</p>
          <button type="button" className={`${buttonClass("secondary")} mt-2`} onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        </div>
      ) : null}
      {entityField("productId", "product", "product")}
      {entityField("customerId", "customer", "customer")}
      {entityField("vendorId", "vendor", "vendor")}
      <Controller
        control={control}
        name="orderId"
        render={({ field, fieldState }) => (
          <div className="space-y-1">
            <EntityCombobox
              id="orderId"
              kind="order"
              value={field.value ?? null}
              initialLabel={labels.order}
              label={t("order")}
              scope={{ customerId: customerId || undefined, vendorId: vendorId || undefined }}
              invalid={Boolean(fieldState.error)}
              describedBy={fieldState.error ? "orderId-hint orderId-error" : "orderId-hint"}
              onChange={(id, label) => {
                field.onChange(id);
                setLabels((current) => ({ ...current, order: label }));
              }}
            />
            <p id="orderId-hint" className="text-xs text-slate-600 dark:text-slate-400">
              {customerId > 0 && vendorId > 0 ? t("orderHint") : t("orderNeedsParticipants")}
            </p>
            {fieldState.error ? (
              <p id="orderId-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
                {message(fieldState.error.message)}
              </p>
            ) : null}
          </div>
        )}
      />
      <Controller
        control={control}
        name="lastMessageAt"
        render={({ field, fieldState }) => (
          <div className="space-y-1">
            <label htmlFor="lastMessageAt" className="block text-sm font-medium">
              {t("lastMessageAt")}
            </label>
            <DateTimeField id="lastMessageAt" value={field.value} onChange={field.onChange} invalid={Boolean(fieldState.error)} describedBy="lastMessageAt-hint" />
            <p id="lastMessageAt-hint" className="text-xs text-slate-600 dark:text-slate-400">
              {t("lastMessageAtHint")}
            </p>
            {fieldState.error ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {message(fieldState.error.message)}
              </p>
            ) : null}
          </div>
        )}
      />
      {duplicateOf ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">{t("duplicateTitle")}</p>
          <p>{t("duplicateBody")}</p>
          <div className="flex flex-wrap gap-2">
            <Link href={`/chat-sessions/${duplicateOf.id}/edit`} className={buttonClass("secondary")}>
              {t("openExisting")}
            </Link>
            <Button onClick={create(duplicateOf.another, true)} disabled={formState.isSubmitting}>
              {t("createAnyway")}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-700">
        {props.mode === "create" ? (
          <>
            <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t("saving") : t("create")}
            </Button>
            <Button onClick={create(true, false)} disabled={formState.isSubmitting}>
              {t("createAnother")}
            </Button>
          </>
        ) : (
          <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("saving") : t("save")}
          </Button>
        )}
        <Link
          href="/chat-sessions"
          className={buttonClass("ghost")}
          onClick={(event) => {
            if (!changed) return;
            event.preventDefault();
            setConfirmDiscard(true);
          }}
        >
          {t("cancel")}
        </Link>
      </div>
      <ConfirmDialog
        open={confirmDiscard}
        title={t("discardTitle")}
        body={t("discardBody")}
        confirmLabel={t("discardConfirm")}
        onConfirm={() => router.push("/chat-sessions")}
        onCancel={() => setConfirmDiscard(false)}
      />
      {reassign ? (
        <ConfirmDialog
          open
          title={t("reassignTitle")}
          body={t("reassignBody", { count: reassign.messages, names: reassign.names.join(t("namesSeparator")) })}
          confirmLabel={t("reassignConfirm")}
          pending={formState.isSubmitting}
          onConfirm={saveConfirming(reassign.messages)}
          onCancel={() => setReassign(null)}
        />
      ) : null}
    </form>
  );
}
