import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["admin", "support", "qa", "customer", "vendor"] as const satisfies readonly Role[];

const ROLE_LABEL_KEYS = {
  admin: "roleAdmin",
  support: "roleSupport",
  qa: "roleQa",
  customer: "roleCustomer",
  vendor: "roleVendor",
} as const satisfies Record<Role, string>;

/** The `shell` catalog key that names a role. */
export function roleLabelKey(role: Role) {
  return ROLE_LABEL_KEYS[role];
}
