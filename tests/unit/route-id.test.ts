import { describe, expect, it } from "vitest";
import { parseRouteId } from "@/lib/route-id";

describe("ids in URLs", () => {
  it("accepts positive 32-bit integers and refuses everything else", () => {
    expect(parseRouteId("42")).toBe(42);
    for (const bad of ["0", "-1", "abc", "1e9", "2147483648", "99999999999", "", " 1", "1.5"]) expect(parseRouteId(bad), bad).toBeNull();
  });
});
