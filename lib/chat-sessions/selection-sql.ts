import "server-only";
import { selectionSql as engineSelectionSql } from "@/lib/list-engine/list-source";
import { sessionsSource } from "./list-source";
import type { Selection } from "./selection";

export const selectionSql = (selection: Selection) => engineSelectionSql(sessionsSource, selection);
