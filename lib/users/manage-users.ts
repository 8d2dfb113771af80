import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { endEverySession } from "@/lib/auth/session-validity";
import { announceRevoked } from "@/lib/api/tokens";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { blocksDeletion, isLinked, type UserLinks } from "./link-rules";
import { userLinks } from "./user-links";
import type { createUserSchema, deleteUserSchema, signOutEverywhereSchema, updateUserSchema } from "./user-schema";

export type DeleteUserOutcome = { status: "deleted" } | { status: "refused"; links: UserLinks };

const isViolation = (error: unknown, code: "P2002" | "P2003") => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
const emailTaken = () => new DomainError("conflict", "invalidInput", { email: "emailTaken" });

/** A new user; the password is hashed before the transaction, which then only writes. */
export async function createUser(input: z.output<typeof createUserSchema>, actor: CurrentUser): Promise<{ id: number }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash }, select: { id: true } });
      await audit(tx, { actorId: actor.id, action: "users.create", targetType: "user", targetId: user.id, details: { role: input.role } });
      return user;
    });
  } catch (error) {
    throw isViolation(error, "P2002") ? emailTaken() : error;
  }
}

/**
 * Saves a user's name, e-mail and role, and resets the password when a new one is given. A role
 * is fixed once the user takes part in conversations, products or orders (a customer's history
 * would otherwise belong to a "vendor"), and admins cannot change their own, so the panel always
 * keeps the admin who is using it.
 */
export async function updateUser(input: z.output<typeof updateUserSchema>, actor: CurrentUser): Promise<{ id: number }> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  let sessionsEnded = false;
  try {
    const saved = await db.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<{ role: string }[]>`SELECT role::text FROM users WHERE id = ${input.id} FOR UPDATE`;
      if (!current) throw new DomainError("not_found", "userGone");
      if (current.role !== input.role) {
        if (input.id === actor.id) throw new DomainError("invalid", "invalidInput", { role: "ownRole" });
        if (isLinked(await userLinks(tx, input.id))) throw new DomainError("invalid", "invalidInput", { role: "roleLocked" });
      }
      await tx.user.update({ where: { id: input.id }, data: { name: input.name, email: input.email, role: input.role, ...(passwordHash ? { passwordHash } : {}) } });
      // A reset password locks out whoever knew the old one; staff made a participant leaves the panel.
      sessionsEnded = passwordHash !== undefined || (current.role !== input.role && !can(input.role, "panel.enter"));
      if (sessionsEnded) await endEverySession(tx, [input.id]);
      await audit(tx, { actorId: actor.id, action: "users.update", targetType: "user", targetId: input.id, details: { role: input.role, passwordReset: passwordHash !== undefined, sessionsEnded } });
      return { id: input.id };
    });
    if (sessionsEnded) await announceRevoked([input.id]);
    return saved;
  } catch (error) {
    throw isViolation(error, "P2002") ? emailTaken() : error;
  }
}

/** Ends every web session, API token and open stream of the user, on every instance (admins, from the user's page). */
export async function signOutEverywhere(input: z.output<typeof signOutEverywhereSchema>, actor: CurrentUser): Promise<{ id: number }> {
  await db.$transaction(async (tx) => {
    const [found] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM users WHERE id = ${input.id} FOR UPDATE`;
    if (!found) throw new DomainError("not_found", "userGone");
    await endEverySession(tx, [input.id]);
    await audit(tx, { actorId: actor.id, action: "users.signOutEverywhere", targetType: "user", targetId: input.id });
  });
  await announceRevoked([input.id]);
  return { id: input.id };
}

/**
 * The users bulk action's change (inside its transaction): every user the selection names (ticked
 * ids or all matching the list's filters) loses every session, token and stream. The ids go to
 * `announceRevoked` once it commits.
 */
export async function signOutSelectedUsers(tx: Prisma.TransactionClient, where: Prisma.Sql) {
  const users = await tx.$queryRaw<{ id: number }[]>`SELECT u.id FROM users u WHERE ${where} ORDER BY u.id FOR UPDATE`;
  const ids = users.map((user) => user.id);
  await endEverySession(tx, ids);
  return { result: { ids }, details: { users: ids.length } };
}

/**
 * Deletes a user who has no history. A customer's or vendor's conversations are never cascaded
 * away with them: the deletion is refused, saying how many sessions (and messages, products,
 * orders) tie them; a session created meanwhile is caught by the foreign keys the same way.
 */
export async function deleteUser(input: z.output<typeof deleteUserSchema>, actor: CurrentUser): Promise<DeleteUserOutcome> {
  if (input.id === actor.id) throw new DomainError("invalid", "cannotDeleteSelf");
  try {
    const outcome = await db.$transaction(async (tx): Promise<DeleteUserOutcome> => {
      const links = await userLinks(tx, input.id);
      if (blocksDeletion(links)) return { status: "refused", links };
      const deleted = await tx.user.deleteMany({ where: { id: input.id } });
      if (deleted.count === 0) throw new DomainError("not_found", "userGone");
      await audit(tx, { actorId: actor.id, action: "users.delete", targetType: "user", targetId: input.id });
      return { status: "deleted" };
    });
    // Their tokens went with them (cascade): every instance forgets them and closes their streams.
    if (outcome.status === "deleted") await announceRevoked([input.id]);
    return outcome;
  } catch (error) {
    if (isViolation(error, "P2003")) return { status: "refused", links: await userLinks(db, input.id) };
    throw error;
  }
}
