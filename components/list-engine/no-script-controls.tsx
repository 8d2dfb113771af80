import { buttonClass } from "@/components/ui/button";
import { inputClass, selectClass } from "@/components/ui/field";
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
 * The list without JavaScript: one GET form for the search and the sort (keeping the URL's
 * filters), and page links — plain URLs the server renders like any other. Shown only when
 * scripts do not run (inside <noscript>), so the screen's own controls stay the only ones
 * otherwise. The sort is two selects rather than a link per column and direction: the same
 * choice in a tenth of the page's bytes (issue 16).
 */
export function NoScriptControls<S extends string, F extends FilterDeclarations>({ declaration, params, page, t, text }: Props<S, F>) {
  // (a patch of the generic state is cast as in ListView: TypeScript cannot spread into a mapped type)
  const href = (patch: { after?: Cursor; before?: Cursor; page?: number }) => {
    const query = serializeListState(declaration, { ...params, after: null, before: null, page: 1, ...patch } as Partial<ListState<S, F>>).toString();
    return query ? `${declaration.path}?${query}` : declaration.path;
  };
  const kept = [...serializeListState(declaration, { ...params, q: "", sort: declaration.defaultSort, dir: declaration.defaultDir, after: null, before: null, page: 1 } as Partial<ListState<S, F>>).entries()];
  const sortable = declaration.columns.filter((column) => column.sort);
  return (
    <noscript>
      <div className="space-y-2" data-testid="no-script-controls">
        <form method="get" action={declaration.path} role="search" className="flex flex-wrap gap-2">
          <input type="search" name="q" defaultValue={params.q} maxLength={declaration.search?.maxLength} aria-label={text.search} className={inputClass} />
          <select name="sort" defaultValue={params.sort} aria-label={t("sortBy")} className={selectClass}>
            {sortable.map((column) => (
              <option key={column.key} value={column.sort}>
                {text.words(column.header)}
              </option>
            ))}
          </select>
          <select name="dir" defaultValue={params.dir} aria-label={t("sortDirection")} className={selectClass}>
            <option value="asc">{t("ascending")}</option>
            <option value="desc">{t("descending")}</option>
          </select>
          {kept.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className={buttonClass("secondary")}>
            {t("applyView")}
          </button>
        </form>
        {page.previousCursor || page.nextCursor ? (
          <p className="flex flex-wrap gap-3 text-sm">
            {page.previousCursor ? (
              <a className="underline" href={href({ before: page.previousCursor, page: Math.max(1, params.page - 1) })}>
                {t("previousPage")}
              </a>
            ) : null}
            {page.nextCursor ? (
              <a className="underline" href={href({ after: page.nextCursor, page: params.page + 1 })}>
                {t("nextPage")}
              </a>
            ) : null}
          </p>
        ) : null}
      </div>
    </noscript>
  );
}
