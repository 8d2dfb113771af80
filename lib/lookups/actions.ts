"use server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ENTITY_KINDS, searchEntities } from "./search-entities";
import { idSchema } from "@/lib/id-schema";

const entityId = idSchema();
const lookupSchema = z.object({
  kind: z.enum(ENTITY_KINDS),
  query: z.string().max(1000),
  scope: z.object({ customerId: entityId.optional(), vendorId: entityId.optional() }).optional(),
});

/** The searchable dropdowns of filters (FLT-1..3, orders) and forms (FORM-1..3, the order link). */
export const lookupEntities = defineAction("chatSessions.view", lookupSchema, ({ kind, query, scope }) => searchEntities(kind, query, scope));
