/**
 * The value, checked: for what the code's own logic guarantees (a statement that always returns
 * one row, a table that always has a matching entry). If that ever breaks, it fails here with what
 * was missing, rather than further on with "cannot read properties of undefined".
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what}: missing`);
  return value;
}
