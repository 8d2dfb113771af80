// One value per server process, made on first use. It is kept on globalThis under its key: Next
// bundles the app's modules apart from one another (and dev reloads them), so a module's own
// variable would make one per bundle — a second pool, a second bus connection, a second hub.
// Tests may put a value of their own under the same key before first use.

const slots = globalThis as unknown as Record<string, unknown>;

export function processSingleton<T>(key: string, create: () => T): T {
  if (slots[key] === undefined) slots[key] = create();
  return slots[key] as T;
}

/** The value under `key` if it was made, without making it (to close it, say). */
export function existingProcessSingleton<T>(key: string): T | undefined {
  return slots[key] as T | undefined;
}
