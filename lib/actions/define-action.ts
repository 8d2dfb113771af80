import "server-only";
import type { z } from "zod";
import { ForbiddenError, requirePermission, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/permissions";
import { isDatabaseUnavailable, isMissingRowViolation } from "@/lib/db-errors";
import { DomainError } from "@/lib/errors";
import { logUnexpected } from "@/lib/observability/unexpected-error";
import { fail, ok, type ActionResult } from "./result";

/** What a server action is: the permission it needs, the schema of its input, the use case it runs. */
export type ActionDefinition<S extends z.ZodType, T> = {
  permission: Permission;
  schema: S;
  run: (input: z.output<S>, user: CurrentUser) => Promise<T>;
};

/**
 * The one way a change enters the system: check the caller's permission, parse the input with
 * the same zod schema the form uses, run the use case (which writes in one transaction), and
 * map every outcome to a typed result (lib/errors.ts). Nothing thrown here reaches the user as a 500.
 */
export function defineAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, user: CurrentUser) => Promise<T>,
): ((input: z.input<S>) => Promise<ActionResult<T>>) & { permission: Permission } {
  const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const user = await requirePermission(permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "_";
          fieldErrors[field] ??= issue.message;
        }
        return fail("invalid", "invalidInput", fieldErrors);
      }
      return ok(await run(parsed.data, user));
    } catch (error) {
      if (error instanceof ForbiddenError) return fail("forbidden", "forbidden");
      if (error instanceof DomainError) return fail(error.code, error.key, error.fieldErrors);
      if (isDatabaseUnavailable(error)) return fail("unavailable", "databaseUnavailable");
      // A row the change names was deleted between the use case's check and its write.
      if (isMissingRowViolation(error)) return fail("not_found", "goneMeanwhile");
      logUnexpected(error, "server action failed");
      return fail("internal", "errorBody");
    }
  };
  // The permission travels with the action, so the matrix test can find every action's cell.
  return Object.assign(action, { permission });
}

/** A server action from a definition built elsewhere (a list's bulk action, say). */
export function actionOf<S extends z.ZodType, T>(definition: ActionDefinition<S, T>) {
  return defineAction(definition.permission, definition.schema, definition.run);
}
