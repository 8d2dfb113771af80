import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("the path opened after sign-in", () => {
  const origin = "http://localhost:3000";
  it("keeps same-origin paths, absolute or relative", () => {
    expect(safeCallbackPath("/chat-sessions?page=2", origin)).toBe("/chat-sessions?page=2");
    expect(safeCallbackPath("http://localhost:3000/chat-sessions", origin)).toBe("/chat-sessions");
  });
  it("sends every other origin home", () => {
    expect(safeCallbackPath("https://evil.test/x", origin)).toBe("/");
    expect(safeCallbackPath("//evil.test/x", origin)).toBe("/");
    expect(safeCallbackPath(null, origin)).toBe("/");
  });
});
