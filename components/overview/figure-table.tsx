import type { ReactNode } from "react";

/** A plain table of figures: one header row, then rows of cells. */
export function FiguresTable({ headers, rows, testId }: { headers: string[]; rows: Array<{ key: string | number; cells: ReactNode[] }>; testId?: string }) {
  return (
    <table className="w-full text-start text-sm" data-testid={testId}>
      <thead>
        <tr className="text-xs text-slate-600 dark:text-slate-400">
          {headers.map((header) => (
            <th key={header} scope="col" className="py-1 pe-3 text-start font-semibold">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-slate-100 dark:border-slate-800">
            {row.cells.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells, in the columns' fixed order
              <td key={index} className="py-1 pe-3 tabular-nums">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The table a chart stands for, one click away: the accessible and exact form of the figure. */
export function FigureTable({ summary, headers, rows }: { summary: string; headers: string[]; rows: Array<{ key: string | number; cells: ReactNode[] }> }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-700 underline underline-offset-2 dark:text-blue-300">{summary}</summary>
      <div className="mt-2">
        <FiguresTable headers={headers} rows={rows} />
      </div>
    </details>
  );
}
