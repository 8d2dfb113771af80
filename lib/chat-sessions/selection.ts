import { selectionSchemaOf, type Selection as EngineSelection } from "@/lib/list-engine/selection";
import { sessionsList } from "./list";

/** What a bulk action acts on: the ticked rows, or every session matching the list's filters. */
export const selectionSchema = selectionSchemaOf(sessionsList);
export type Selection = EngineSelection<typeof sessionsList.filters>;
