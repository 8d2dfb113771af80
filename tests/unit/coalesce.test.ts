import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "@/lib/realtime/coalesce";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("live refresh coalescing", () => {
  it("a burst of 1,000 events within a second is one refresh at once and one after the second", () => {
    const run = vi.fn();
    const refresh = coalesce(run, 1000);
    refresh.ask();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1); // the first event shows at once
    for (let i = 0; i < 1000; i += 1) {
      refresh.ask();
      vi.advanceTimersByTime(0.9);
    }
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2); // everything after it: one more refresh, not 1,000
  });

  it("steady events refresh at most once a second", () => {
    const run = vi.fn();
    const refresh = coalesce(run, 1000);
    for (let ms = 0; ms < 10_000; ms += 50) {
      refresh.ask();
      vi.advanceTimersByTime(50);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(run.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it("nothing runs after cancel (the page was left)", () => {
    const run = vi.fn();
    const refresh = coalesce(run, 1000);
    refresh.ask();
    refresh.cancel();
    vi.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
  });
});
