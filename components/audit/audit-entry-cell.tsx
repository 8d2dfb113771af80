"use client";
import Link from "next/link";
import { describeAuditEntry, type AuditEntry } from "@/lib/audit-log/sentence";
import { useLocale, useT } from "@/lib/i18n/client";

/** An audit entry as a sentence in the UI language, its target a link, under the action's name (what the filter offers). */
export function AuditEntrySentence({ entry, actionLabel }: { entry: AuditEntry; actionLabel: string }) {
  const { text, target } = describeAuditEntry(entry, useLocale());
  const [before, after] = text.split("{target}");
  return (
    <span className="block min-w-[16rem] max-w-xl whitespace-normal">
      <span className="block text-xs text-slate-600 dark:text-slate-400">{actionLabel}</span>
      {before}
      {target ? (
        <Link href={target.href} className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">
          <bdi>{target.label}</bdi>
        </Link>
      ) : null}
      {after}
    </span>
  );
}

/** The entry's recorded details as they are stored, one click away. */
export function AuditRawDetails({ details }: { details: unknown }) {
  const t = useT("auditLog");
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">{t("rawDetails")}</summary>
      <pre dir="ltr" className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-start dark:bg-slate-800">
        {JSON.stringify(details, null, 2)}
      </pre>
    </details>
  );
}
