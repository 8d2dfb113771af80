import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PERMISSIONS, can, type Permission } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

// Every server action is tried as every role: refused exactly where the matrix says so.
const actingAs = vi.hoisted(() => ({ role: "admin" as string }));
vi.mock("@/lib/auth/current-user", () => {
  class ForbiddenError extends Error {}
  const user = () => ({ id: 1, name: "Matrix", email: "matrix@test.local", role: actingAs.role });
  return {
    ForbiddenError,
    getCurrentUser: async () => user(),
    requirePermission: async (permission: Permission) => {
      const { can: allowed } = await import("@/lib/permissions");
      if (!allowed(actingAs.role as Role, permission)) throw new ForbiddenError("forbidden");
      return user();
    },
    requirePagePermission: async () => user(),
  };
});

// Server-action modules that carry no authority (language and theme cookies) are listed here.
const EXEMPT = new Set(["lib/preferences/actions.ts"]);
const ROLES: Role[] = ["admin", "support", "qa", "customer", "vendor"];

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "generated" ? [] : serverActionFiles(path);
    return /\.tsx?$/.test(entry) && /^\s*["']use server["']/.test(readFileSync(path, "utf8")) ? [path] : [];
  });
}

type MatrixAction = ((input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>) & { permission?: Permission };
const actions: { name: string; action: MatrixAction }[] = [];

beforeAll(async () => {
  for (const file of serverActionFiles("lib").filter((file) => !EXEMPT.has(file))) {
    const module = (await import(`../../${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") actions.push({ name: `${file}#${name}`, action: value as MatrixAction });
    }
  }
});

describe("permission matrix × server actions", () => {
  it("every server action is built with defineAction and names a permission of the matrix", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const { name, action } of actions) {
      expect(Object.keys(PERMISSIONS), `${name} has no matrix entry`).toContain(action.permission);
    }
  });

  it("each role is refused exactly the actions the matrix does not grant it", async () => {
    let cells = 0;
    for (const role of ROLES) {
      actingAs.role = role;
      for (const { name, action } of actions) {
        const result = await action({ __matrixProbe: true });
        const refused = !result.ok && result.error?.code === "forbidden";
        expect(refused, `${role} → ${name} (${action.permission})`).toBe(!can(role, action.permission!));
        cells += 1;
      }
    }
    expect(cells).toBe(ROLES.length * actions.length);
  });
});
