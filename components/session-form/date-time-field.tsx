"use client";
import { format } from "date-fns";
import { ar, enUS } from "date-fns/locale";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocale } from "@/lib/i18n/client";

// The spec's MM/DD/YYYY, HH:MM:SS AM/PM; Arabic writes its own comma and ص/م.
const DISPLAY_FORMAT = { en: "MM/dd/yyyy, hh:mm:ss a", ar: "MM/dd/yyyy، hh:mm:ss a" } as const;

/** ISO instant → the picker's local "yyyy-MM-ddTHH:mm:ss", and back. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : format(date, "yyyy-MM-dd'T'HH:mm:ss");
}

function fromLocalInput(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/**
 * FORM-4: a date-time picker showing seconds, with the value spelled out as
 * MM/DD/YYYY, HH:MM:SS AM/PM (and its Arabic equivalent) beside it; stored as UTC.
 */
export function DateTimeField({ id, value, onChange, invalid, describedBy }: { id: string; value: string; onChange: (iso: string) => void; invalid: boolean; describedBy: string }) {
  const locale = useLocale();
  // The browser's time zone is known only in the browser: the server renders the field empty,
  // and the local time appears once hydrated (else React reports a mismatch outside UTC).
  const hydrated = useHydrated();
  const date = new Date(value);
  const valid = hydrated && !Number.isNaN(date.getTime());
  return (
    <div className="flex flex-wrap items-center gap-3">
      <input
        id={id}
        type="datetime-local"
        step={1}
        dir="ltr"
        className={`${inputClass} max-w-xs`}
        value={hydrated ? toLocalInput(value) : ""}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(fromLocalInput(event.target.value))}
      />
      {valid ? (
        <output htmlFor={id} className="text-sm text-slate-700 tabular-nums dark:text-slate-300" data-testid="last-message-display">
          <bdi>{format(date, DISPLAY_FORMAT[locale], { locale: locale === "ar" ? ar : enUS })}</bdi>
        </output>
      ) : null}
    </div>
  );
}
