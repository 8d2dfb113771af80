// Slows down password guessing: after too many failures for one account or from one address,
// sign-in is refused for a while. Kept in memory, so per instance; behind a load balancer a
// shared store (the database or Redis) would take its place behind the same two functions.
export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

type Entry = { failures: number[]; lockedUntil: number };

export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `key` may try again, or 0. */
  lockedFor(key: string): number {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  recordFailure(key: string, rule: ThrottleRule): void {
    const now = this.now();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = [...entry.failures.filter((at) => now - at < rule.windowMs), now];
    if (entry.failures.length >= rule.maxFailures) {
      entry.lockedUntil = now + rule.lockMs;
      entry.failures = [];
    }
    this.entries.set(key, entry);
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }
}

export const signInThrottle = new SignInThrottle();
export const SIGN_IN_LOCKED = "locked";
