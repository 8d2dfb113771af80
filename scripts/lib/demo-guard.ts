import type { ClientBase } from "pg";
import { verifyPassword } from "../../lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";

/**
 * The accounts that sign in with the demo's published password, among those that matter and can
 * be checked at every start: the five demo e-mail addresses (whatever their role now) and every
 * admin. Checking every user's hash would cost one scrypt (~100 ms) per account; these are a
 * handful, and identical hashes (the seed gives the demo accounts one) are checked once.
 */
export async function accountsWithDemoPassword(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ email: string; password_hash: string }>(
    `SELECT email, password_hash FROM users
      WHERE password_hash IS NOT NULL AND (role = 'admin' OR email = ANY($1::text[]))
      ORDER BY id`,
    [DEMO_ACCOUNTS.map((account) => account.email)],
  );
  const hashes = [...new Set(rows.map((row) => row.password_hash))];
  const demoHashes = new Set<string>();
  await Promise.all(hashes.map(async (hash) => (await verifyPassword(DEMO_PASSWORD, hash)) && demoHashes.add(hash)));
  return rows.filter((row) => demoHashes.has(row.password_hash)).map((row) => row.email);
}
