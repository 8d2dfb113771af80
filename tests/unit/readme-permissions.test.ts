import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { permissionsMarkdownTable } from "@/lib/permissions-table";

describe("README", () => {
  it("shows the permission matrix exactly as lib/permissions.ts defines it (npm run docs:permissions)", () => {
    expect(readFileSync("README.md", "utf8")).toContain(permissionsMarkdownTable());
  });
});
