import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Cursor } from "@/lib/list-engine/cursor";
import type { FilterDeclarations, ListDeclaration } from "@/lib/list-engine/declaration";
import { serializeListState, type ListState } from "@/lib/list-engine/url-state";
import type { ListViewWords } from "./list-words";

type Props<S extends string, F extends FilterDeclarations> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declaration: ListDeclaration<any, S, F, any>;
  params: ListState<S, F>;
  page: { nextCursor: Cursor | null; previousCursor: Cursor | null };
  t: ListViewWords;
  text: { search: string; words: (key: string) => string };
};

/**
 * The list without JavaScript: a GET form for the search (keeping the URL's filters and sort),
 * sort links and page links — plain URLs the server renders like any other. Shown only when
 * scripts do not run (inside <noscript>), so the screen's own controls stay the only ones otherwise.
 */
export function NoScriptControls<S extends string, F extends FilterDeclarations>({ declaration, params, page, t, text }: Props<S, F>) {
  // (a patch of the generic state is cast as in ListView: TypeScript cannot spread into a mapped type)
  const href = (patch: { sort?: S; dir?: "asc" | "desc"; after?: Cursor; before?: Cursor; page?: number }) => {
    const query = serializeListState(declaration, { ...params, after: null, before: null, page: 1, ...patch } as Partial<ListState<S, F>>).toString();
    return query ? `${declaration.path}?${query}` : declaration.path;
  };
  const kept = [...serializeListState(declaration, { ...params, q: "", after: null, before: null, page: 1 }).entries()];
  const sortable = declaration.columns.filter((column) => column.sort);
  return (
    <noscript>
      <div className="space-y-2" data-testid="no-script-controls">
        <form method="get" action={declaration.path} role="search" className="flex flex-wrap gap-2">
          <input type="search" name="q" defaultValue={params.q} maxLength={declaration.search?.maxLength} aria-label={text.search} className={inputClass} />
          {kept.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={buttonClass("secondary")}>
            {text.search}
          </button>
        </form>
        <ul className="flex flex-wrap gap-3 text-sm">
          {sortable.flatMap((column) =>
            (["asc", "desc"] as const).map((dir) => (
              <li key={`${column.key}-${dir}`}>
                <a className="underline" href={href({ sort: column.sort as S, dir })} aria-current={params.sort === column.sort && params.dir === dir ? "true" : undefined}>
                  {t(dir === "asc" ? "sortAscending" : "sortDescending", { column: text.words(column.header) })}
                </a>
              </li>
            )),
          )}
          {page.previousCursor ? (
            <li>
              <a className="underline" href={href({ before: page.previousCursor, page: Math.max(1, params.page - 1) })}>
                {t("previousPage")}
              </a>
            </li>
          ) : null}
          {page.nextCursor ? (
            <li>
              <a className="underline" href={href({ after: page.nextCursor, page: params.page + 1 })}>
                {t("nextPage")}
              </a>
            </li>
          ) : null}
        </ul>
      </div>
    </noscript>
  );
}
