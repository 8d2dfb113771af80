import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The pooled-connection rule (README): no correctness may depend on session state surviving on a
// pooled connection, so the app runs the same behind a transaction-mode pooler (PgBouncer) and
// never meets what an earlier user of a connection left there. What can be checked in the source:
const RULES: { what: string; pattern: RegExp }[] = [
  { what: "a named prepared statement (a query config with a name)", pattern: /\bname:\s*["'`][^"'`]*["'`]\s*,\s*text:|\btext:\s*[^,]+,\s*name:\s*["'`]/ },
  { what: "SET without LOCAL (session-wide)", pattern: /["'`]\s*SET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_.]+\s*(=|TO\b)/i },
  { what: "set_config(…, false) (session-wide)", pattern: /set_config\([^)]*,\s*false\s*\)/i },
  { what: "a session-level advisory lock (use pg_advisory_xact_lock)", pattern: /pg_(try_)?advisory_lock(_shared)?\s*\(/i },
  { what: "a temporary table (unless ON COMMIT DROP)", pattern: /CREATE\s+(TEMP|TEMPORARY)\s+TABLE(?![^;`]*ON\s+COMMIT\s+DROP)/i },
];

// biome-ignore lint/suspicious/noExportsInTest: the checker is shared with the test that runs it on the code base
export function violations(source: string): string[] {
  return RULES.filter((rule) => rule.pattern.test(source)).map((rule) => rule.what);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "generated" ? [] : sourceFiles(path);
    return /\.(ts|tsx|sql)$/.test(entry) ? [path] : [];
  });
}

describe("the pooled-connection rule: no session state on pooled connections", () => {
  it("recognises each kind of session state, and leaves transaction-scoped forms alone", () => {
    expect(violations(`pool.query({ name: "chat-send-many", text: SEND_MANY, values })`)).toHaveLength(1);
    expect(violations(`pool.query({\n  name: "api-token-user",\n  text: \`SELECT 1\`,\n  values: [hash],\n})`)).toHaveLength(1);
    expect(violations(`await client.query("SET statement_timeout = 0")`)).toHaveLength(1);
    expect(violations(`await client.query("SET SESSION search_path TO app")`)).toHaveLength(1);
    expect(violations("SELECT set_config('app.user', '1', false)")).toHaveLength(1);
    expect(violations("SELECT pg_advisory_lock(1)")).toHaveLength(1);
    expect(violations("CREATE TEMP TABLE picked AS SELECT 1")).toHaveLength(1);

    expect(violations(`pool.query({ text: SEND_MANY, values })`)).toEqual([]);
    expect(violations(`await client.query("SET LOCAL session_replication_role = replica")`)).toEqual([]);
    expect(violations("SELECT set_config('app.user', '1', true)")).toEqual([]);
    expect(violations("SELECT pg_advisory_xact_lock(1, 2)")).toEqual([]);
    expect(violations("CREATE TEMP TABLE picked ON COMMIT DROP AS SELECT 1")).toEqual([]);
    expect(violations(`UPDATE api_tokens SET revoked_at = now()`)).toEqual([]);
  });

  it("the app, the scripts, the seed and the migrations follow it", () => {
    const files = ["lib", "app", "components", "scripts", "prisma"].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => violations(readFileSync(file, "utf8")).map((what) => `${file}: ${what}`));
    expect(found).toEqual([]);
  });
});
