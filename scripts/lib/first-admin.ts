import type { ClientBase } from "pg";
import { hashPassword } from "../../lib/auth/password";
import { createUserSchema } from "../../lib/users/user-schema";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";

export type AdminRequest = { email: string; password: string; name?: string };

/**
 * Creates an admin account, checked by the same schema as the users form (a valid e-mail, a
 * password of 12 to 200 characters). The demo's published password is refused: the launcher
 * would refuse to start with it. Throws a sentence an operator can act on.
 */
export async function createAdmin(client: ClientBase, request: AdminRequest): Promise<{ id: number; email: string }> {
  const parsed = createUserSchema.safeParse({ name: request.name ?? "Admin", email: request.email, role: "admin", password: request.password });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(", ");
    throw new Error(`the admin account is not valid (${problems}); the password needs 12 to 200 characters`);
  }
  if (parsed.data.password === DEMO_PASSWORD) throw new Error("the demo password is published in the README: choose another one");
  const passwordHash = await hashPassword(parsed.data.password);
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO users (name, email, password_hash, role, updated_at) VALUES ($1, $2, $3, 'admin', now())
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [parsed.data.name, parsed.data.email, passwordHash],
  );
  if (!rows[0]) throw new Error(`an account with the e-mail ${parsed.data.email} already exists`);
  return { id: rows[0].id, email: parsed.data.email };
}

/**
 * A real deployment's first account: on a database with no users, the admin that ADMIN_EMAIL and
 * ADMIN_PASSWORD (and optionally ADMIN_NAME) describe. Returns its e-mail, or null when the
 * database already has users or the environment names no admin.
 */
export async function createFirstAdminFromEnvironment(client: ClientBase, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return null;
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) throw new Error("ADMIN_EMAIL and ADMIN_PASSWORD go together");
  const { rows } = await client.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM users) AS any");
  if (rows[0]?.any) return null;
  return (await createAdmin(client, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: env.ADMIN_NAME })).email;
}
