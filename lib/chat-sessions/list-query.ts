import "server-only";
import type { ListViewer } from "@/lib/list-engine/declaration";
import { countMatching, listPage } from "@/lib/list-engine/keyset";
import { sessionsList, type SessionFilters, type SessionRow, type SessionsListState } from "./list";
import { sessionsSource } from "./list-source";

export type { SessionRow } from "./list";
export { COUNT_CAP } from "@/lib/list-engine/keyset";

/** One page of sessions (keyset: page 2,000 costs what page 1 costs). */
export const listSessions = (params: SessionsListState, viewer: ListViewer | null = null) => listPage<SessionRow, SessionsListState["sort"], typeof sessionsList.filters>(sessionsList, sessionsSource, params, viewer);

/** How many sessions match, counted up to COUNT_CAP. */
export const countSessions = (filters: SessionFilters, viewer: ListViewer | null = null) => countMatching(sessionsSource, filters, viewer);
