import type { Role } from "@/lib/generated/prisma/enums";

// The permission matrix: the one place that says who may do what. The README's table
// is generated from it (npm run docs:permissions) and tests walk every cell.
export const PERMISSIONS = {
  "panel.enter": ["admin", "support", "qa"],
  "chatSessions.view": ["admin", "support", "qa"],
  "chatSessions.create": ["admin", "qa"],
  "chatSessions.edit": ["admin", "qa"],
  // Giving a session that has messages another customer or vendor hands its history to them.
  "chatSessions.reassign": ["admin"],
  "chatSessions.delete": ["admin"],
  "chatSessions.export": ["admin", "support"],
  // Team work (issue 20). Taking a session (giving it to oneself) or releasing one's own: the
  // agents who answer. Giving it to someone else, or taking it from them: admins.
  "chatSessions.assign": ["admin", "support"],
  "chatSessions.assignOthers": ["admin"],
  // Private notes: every staff member writes them; an admin may edit or delete anyone's.
  "notes.write": ["admin", "support", "qa"],
  "notes.moderate": ["admin"],
  "messages.reply": ["admin", "support", "qa"],
  "messages.markRead": ["admin", "support", "qa"],
  "messages.delete": ["admin"],
  "users.view": ["admin", "support", "qa"],
  "users.manage": ["admin"],
  "products.view": ["admin", "support", "qa"],
  "resources.export": ["admin", "support"],
  "orders.view": ["admin", "support", "qa"],
  "settings.manage": ["admin"],
  // Triage queues: any staff member saves views of the sessions list for themselves or for everyone;
  // an admin also renames, reorders, unshares and deletes the views others shared.
  "savedViews.manageShared": ["admin"],
  "audit.view": ["admin"],
  "chat.participate": ["customer", "vendor"],
  // Only a customer opens a conversation, and always in the customer's seat (web chat and API alike).
  "chat.start": ["customer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
