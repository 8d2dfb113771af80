import { describe, expect, it } from "vitest";
import { jsonSafe } from "@/lib/audit";

describe("jsonSafe (audit details a jsonb column can hold)", () => {
  it("drops NUL characters from every string, keys included, and keeps everything else", () => {
    expect(jsonSafe({ q: "a\u0000b", "k\u0000": ["\u0000", 1, null, true, { deep: "x\u0000" }], n: 2 })).toEqual({
      q: "ab",
      k: ["", 1, null, true, { deep: "x" }],
      n: 2,
    });
    expect(jsonSafe("\u0000")).toBe("");
  });
});
