import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import type { renameViewSchema, reorderViewsSchema, saveViewSchema, shareViewSchema } from "./schema";
import { parseListState, serializeListState } from "@/lib/list-engine/url-state";
import { sessionsList } from "@/lib/chat-sessions/list";

type Tx = Prisma.TransactionClient;

/** The query as the list itself writes it: bad values dropped, no page position. */
function normalizedQuery(query: string): string {
  const { params } = parseListState(sessionsList, Object.fromEntries(new URLSearchParams(query)));
  return serializeListState(sessionsList, { ...params, after: null, before: null, page: 1 }).toString();
}

/**
 * The view, if this user may change it: their own, or (an admin) a shared one. A shared view of
 * someone else is forbidden to others; another's private view does not exist for them.
 */
async function manageableView(tx: Tx, id: number, user: CurrentUser) {
  const view = await tx.savedView.findUnique({ where: { id } });
  if (!view || (view.ownerId !== user.id && !view.shared)) throw new DomainError("not_found", "viewNotFound");
  if (view.ownerId !== user.id && !can(user.role, "savedViews.manageShared")) throw new DomainError("forbidden", "forbidden");
  return view;
}

export async function saveView(input: z.output<typeof saveViewSchema>, user: CurrentUser) {
  return db.$transaction(async (tx) => {
    const last = await tx.savedView.aggregate({ where: { ownerId: user.id }, _max: { position: true } });
    return tx.savedView.create({
      data: { ownerId: user.id, name: input.name, query: normalizedQuery(input.query), shared: input.shared, position: (last._max.position ?? -1) + 1 },
      select: { id: true, name: true, query: true, shared: true },
    });
  });
}

export async function renameView(input: z.output<typeof renameViewSchema>, user: CurrentUser) {
  return db.$transaction(async (tx) => {
    await manageableView(tx, input.id, user);
    return tx.savedView.update({ where: { id: input.id }, data: { name: input.name }, select: { id: true, name: true } });
  });
}

export async function shareView(input: z.output<typeof shareViewSchema>, user: CurrentUser) {
  return db.$transaction(async (tx) => {
    const view = await manageableView(tx, input.id, user);
    // Only the owner shares; an admin may take a shared view back to its owner alone.
    if (input.shared && view.ownerId !== user.id) throw new DomainError("forbidden", "forbidden");
    return tx.savedView.update({ where: { id: input.id }, data: { shared: input.shared }, select: { id: true, shared: true } });
  });
}

export async function deleteView(input: { id: number }, user: CurrentUser) {
  return db.$transaction(async (tx) => {
    await manageableView(tx, input.id, user);
    await tx.savedView.delete({ where: { id: input.id } });
    return { id: input.id };
  });
}

/** The owner's own views, in the order given (all of them, each once). */
export async function reorderViews(input: z.output<typeof reorderViewsSchema>, user: CurrentUser) {
  return db.$transaction(async (tx) => {
    const own = await tx.savedView.findMany({ where: { ownerId: user.id }, select: { id: true } });
    const mine = new Set(own.map((view) => view.id));
    if (input.ids.length !== mine.size || new Set(input.ids).size !== input.ids.length || input.ids.some((id) => !mine.has(id))) {
      throw new DomainError("invalid", "viewOrderStale");
    }
    for (const [position, id] of input.ids.entries()) await tx.savedView.update({ where: { id }, data: { position } });
    return { ids: input.ids };
  });
}
