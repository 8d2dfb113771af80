// Stands in for lib/auth/current-user in tests that call server actions directly:
// `vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"))`,
// then `actAs("support")` before each call.
import { can, type Permission } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

let current: { id: number; name: string; email: string; role: Role } | null = { id: 1, name: "Test admin", email: "admin@test.local", role: "admin" };

export function actAs(role: Role | null, id = 1): void {
  current = role ? { id, name: `Test ${role}`, email: `${role}@test.local`, role } : null;
}

export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
  }
}

export async function getCurrentUser() {
  return current;
}

export async function requirePermission(permission: Permission) {
  if (!current || !can(current.role, permission)) throw new ForbiddenError();
  return current;
}

export async function requirePagePermission(permission: Permission) {
  return requirePermission(permission);
}
