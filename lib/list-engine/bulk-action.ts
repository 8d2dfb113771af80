import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Namespace } from "@/lib/i18n/catalogs";
import type { FilterDeclarations, ListDeclaration } from "./declaration";
import { selectionSql, type ListSource } from "./list-source";
import { selectionSchemaOf, type Selection } from "./selection";

type Tx = Prisma.TransactionClient;

/**
 * The server action of a declared bulk action: the caller's permission is the declaration's,
 * the selection (ticked ids or all matching) is parsed with the list's own schema and turned into
 * the list's WHERE clause, and the change and its audit entry (`<words>.<key>`, with the
 * selection; or the declared `auditAction`) are written in one transaction. `after` runs once it is committed (live events).
 * A "use server" file makes it an action with `actionOf` (the server-action adapter).
 */
export function listBulkAction<Row extends { id: number }, S extends string, F extends FilterDeclarations, W extends Namespace, T>(
  declaration: ListDeclaration<Row, S, F, W>,
  source: ListSource<S, F>,
  key: string,
  perform: (tx: Tx, where: Prisma.Sql, user: CurrentUser) => Promise<{ result: T; details?: Record<string, Prisma.InputJsonValue> }>,
  after?: (result: T) => Promise<void>,
) {
  const declared = declaration.bulkActions.find((action) => action.key === key);
  if (!declared) throw new Error(`${declaration.path} declares no bulk action "${key}"`);
  const run = async (selection: Selection<F>, user: CurrentUser) => {
    const result = await db.$transaction(async (tx) => {
      const done = await perform(tx, selectionSql(source, selection, user), user);
      await audit(tx, { actorId: user.id, action: declared.auditAction ?? `${declaration.words}.${key}`, targetType: declaration.auditTarget, details: { selection, ...done.details } as Prisma.InputJsonValue });
      return done.result;
    });
    await after?.(result);
    return result;
  };
  return { permission: declared.permission, schema: selectionSchemaOf(declaration), run };
}
