import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { getTranslator } from "@/lib/i18n/server";
import type { ResourceColumn } from "@/lib/resources/resource-definition";


type Props<Row> = {
  title: string;
  actions?: ReactNode;
  rows: Row[];
  rowKey: (row: Row) => number;
  columns: ResourceColumn<Row>[];
  search?: { value: string; label: string; placeholder: string };
  filter?: { name: string; label: string; value: string | null; options: { value: string; label: string }[] };
  hidden?: Record<string, string>;
  /** the view's export links, for those allowed to export */
  exports?: { csv: string; xlsx: string };
  previousHref: string | null;
  nextHref: string | null;
  empty: string;
};

/**
 * A resource's list as the server renders it: a GET form for search and filter (the URL is the
 * state, and it works before JavaScript loads), sortable headers and pages as links.
 */
export async function ResourceTable<Row>({ title, actions, rows, rowKey, columns, search, filter, hidden, exports, previousHref, nextHref, empty }: Props<Row>) {
  const t = await getTranslator("resources");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <div className="flex flex-wrap gap-2">
          {exports ? (
            <>
              <a href={exports.csv} download className={buttonClass("secondary")}>
                {t("exportCsv")}
              </a>
              <a href={exports.xlsx} download className={buttonClass("secondary")}>
                {t("exportXlsx")}
              </a>
            </>
          ) : null}
          {actions}
        </div>
      </div>
      {search || filter ? (
        <form method="get" className="flex flex-wrap items-end gap-2" role="search">
          {search ? (
            <div className="min-w-0 basis-full sm:max-w-md sm:flex-1 sm:basis-auto">
              <label htmlFor="resource-search" className="sr-only">
                {search.label}
              </label>
              <input id="resource-search" type="search" name="q" defaultValue={search.value} maxLength={200} placeholder={search.placeholder} className={inputClass} />
            </div>
          ) : null}
          {filter ? (
            <label className="flex items-center gap-2 text-sm">
              {filter.label}
              <select name={filter.name} defaultValue={filter.value ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-2 dark:border-slate-600 dark:bg-slate-900">
                <option value="">{t("all")}</option>
                {filter.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {Object.entries(hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={buttonClass("secondary")}>
            {t("apply")}
          </button>
        </form>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">{empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full text-start text-sm">
            <thead className="bg-slate-50 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200">
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className="whitespace-nowrap px-3 py-2 text-start" aria-sort={column.sorted ? (column.sorted === "asc" ? "ascending" : "descending") : undefined}>
                    {column.sortHref ? (
                      <Link href={column.sortHref} className="hover:underline">
                        {column.header} <span aria-hidden="true">{column.sorted === "asc" ? "▲" : column.sorted === "desc" ? "▼" : "↕"}</span>
                      </Link>
                    ) : (
                      column.header
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-t border-slate-100 dark:border-slate-800">
                  {columns.map((column) => (
                    <td key={column.key} className="whitespace-nowrap px-3 py-2">
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("pagination")} className="flex gap-2">
        {previousHref ? (
          <Link href={previousHref} className={buttonClass("secondary")}>
            {t("previous")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={buttonClass("secondary")}>
            {t("next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
