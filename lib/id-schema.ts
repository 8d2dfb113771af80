import { z } from "zod";

/** Ids are PostgreSQL int4 (serial): this is the largest. */
export const MAX_ID = 2_147_483_647;

/**
 * A row's id, as every form, action and API route parses it: a positive int4. `error` is the
 * catalog key a form shows when it is missing or wrong; `coerce` takes it from text (a radio
 * group's value, a URL).
 */
export function idSchema(options?: { error?: string; coerce?: false }): z.ZodNumber;
export function idSchema(options: { error?: string; coerce: true }): z.ZodCoercedNumber;
export function idSchema({ error, coerce = false }: { error?: string; coerce?: boolean } = {}) {
  const number = coerce ? z.coerce.number({ error }) : z.number({ error });
  return number.int({ error }).min(1, { error }).max(MAX_ID, { error });
}

/** Whether a number is an id (for what is not parsed by a schema: a URL segment, a resume point). */
export function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID;
}
