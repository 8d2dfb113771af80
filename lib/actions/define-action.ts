import "server-only";
import type { z } from "zod";
import { ForbiddenError, requirePermission, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/permissions";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { ActionFailure } from "./action-failure";
import { fail, ok, type ActionResult } from "./result";

export { ActionFailure };

/**
 * The one way a change enters the system: check the caller's permission, parse the input with
 * the same zod schema the form uses, run the use case (which writes in one transaction), and
 * turn every outcome into a typed result. Nothing thrown here reaches the user as a 500.
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
      if (error instanceof ActionFailure) return fail(error.code, error.message, error.fieldErrors);
      if (isDatabaseUnavailable(error)) return fail("unavailable", "databaseUnavailable");
      console.error(error);
      return fail("failed", "errorBody");
    }
  };
  // The permission travels with the action, so the matrix test can find every action's cell.
  return Object.assign(action, { permission });
}
