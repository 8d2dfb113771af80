import type { ReactNode } from "react";

const TONES = {
  blue: "bg-blue-100 text-blue-900 dark:bg-blue-900/60 dark:text-blue-100",
  yellow: "bg-amber-200 text-amber-950 dark:bg-amber-700/70 dark:text-amber-50",
  green: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  gray: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone, children, label }: { tone: BadgeTone; children: ReactNode; label?: string }) {
  return (
    <span data-tone={tone} title={label} className={`inline-flex min-w-7 justify-center rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${TONES[tone]}`}>
      {children}
    </span>
  );
}
