import type { ReactNode } from "react";

/** The table a chart stands for, one click away: the accessible and exact form of the figure. */
export function FigureTable({ summary, headers, rows }: { summary: string; headers: [string, string]; rows: Array<[ReactNode, ReactNode]> }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-700 underline underline-offset-2 dark:text-blue-300">{summary}</summary>
      <table className="mt-2 w-full text-start">
        <thead>
          <tr className="text-xs text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-1 text-start font-semibold">{headers[0]}</th>
            <th scope="col" className="py-1 text-start font-semibold">{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value], index) => (
            <tr key={index} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">{label}</td>
              <td className="py-1 tabular-nums">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
