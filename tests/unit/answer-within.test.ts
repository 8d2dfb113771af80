import { describe, expect, it } from "vitest";
import { answerWithin } from "@/lib/answer-within";

describe("an answer within a time", () => {
  it("is the work's answer when it comes in time, else late", async () => {
    expect(await answerWithin(Promise.resolve(7), 1_000)).toBe(7);
    expect(await answerWithin(new Promise((resolve) => setTimeout(() => resolve(7), 1_000)), 5)).toBe("late");
  });

  it("within 0 ms is late at once, and a later failure of the work is not left unhandled", async () => {
    let fail: (error: Error) => void = () => undefined;
    const work = new Promise<number>((_, reject) => {
      fail = reject;
    });
    expect(await answerWithin(work, 0)).toBe("late");
    fail(new Error("cancelled"));
    // vitest fails the run on an unhandled rejection; give it a turn to surface
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(work).rejects.toThrow("cancelled");
  });
});
