import "server-only";
import { loadListView } from "@/lib/list-engine/load-view";
import type { SessionRow } from "./list";
import { sessionsList } from "./list";
import type { FilterLabels, ListNotice, ListParams } from "./list-params";
import { sessionsSource } from "./list-source";

/** Everything the sessions list shows for one URL (the engine's view of its declaration). */
export async function loadSessionsView(parsed: { params: ListParams; notices: ListNotice[] }, savedColumns: string | undefined) {
  const view = await loadListView<SessionRow, ListParams["sort"], typeof sessionsList.filters>(sessionsList, sessionsSource, parsed, savedColumns);
  return { ...view, labels: view.labels as FilterLabels };
}
