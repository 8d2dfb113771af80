import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, SignInThrottle } from "@/lib/auth/sign-in-throttle";

describe("sign-in throttling", () => {
  it("locks an account after 5 failures within 15 minutes and lets it in again after the lock", () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure("account:a", ACCOUNT_RULE);
    expect(throttle.lockedFor("account:a")).toBe(0);
    throttle.recordFailure("account:a", ACCOUNT_RULE);
    expect(throttle.lockedFor("account:a")).toBe(ACCOUNT_RULE.lockMs);
    now += ACCOUNT_RULE.lockMs;
    expect(throttle.lockedFor("account:a")).toBe(0);
  });

  it("forgets failures older than the window and clears on success", () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure("account:b", ACCOUNT_RULE);
    now += ACCOUNT_RULE.windowMs;
    throttle.recordFailure("account:b", ACCOUNT_RULE);
    expect(throttle.lockedFor("account:b")).toBe(0);
    throttle.recordSuccess("account:b");
    for (let i = 0; i < 4; i += 1) throttle.recordFailure("account:b", ACCOUNT_RULE);
    expect(throttle.lockedFor("account:b")).toBe(0);
  });
});
