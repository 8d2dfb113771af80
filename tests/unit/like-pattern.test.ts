import { describe, expect, it } from "vitest";
import { escapeLike } from "@/lib/search/like-pattern";

describe("escapeLike", () => {
  it("makes LIKE's wildcards and its escape character match themselves", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });

  it("drops NUL characters, which a PostgreSQL text cannot hold", () => {
    expect(escapeLike("\u0000")).toBe("");
    expect(escapeLike("a\u0000b%")).toBe("ab\\%");
  });
});
