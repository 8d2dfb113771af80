"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ENTITY_KINDS, searchEntities } from "./search-entities";

const lookupSchema = z.object({ kind: z.enum(ENTITY_KINDS), query: z.string().max(1000) });

/** The searchable dropdowns of filters (FLT-1..3) and forms (FORM-1..3). */
export const lookupEntities = defineAction("chatSessions.view", lookupSchema, ({ kind, query }) => searchEntities(kind, query));
