import type { ReactNode } from "react";

export type DetailField = { label: string; value: ReactNode };

/** A resource's page: its title and actions, its fields, then what relates to it. */
export function ResourceDetails({ title, fields, actions, children }: { title: string; fields: DetailField[]; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold" dir="auto">
          {title}
        </h1>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
        {fields.map((field) => (
          <div key={field.label} className="contents">
            <dt className="font-medium">{field.label}</dt>
            <dd className="min-w-0 break-words">{field.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </div>
  );
}
