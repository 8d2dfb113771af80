import { PERMISSIONS } from "./permissions";

const ROLES = ["admin", "support", "qa", "customer", "vendor"] as const;

/** The permission matrix as a Markdown table, for the README (a test keeps the two equal). */
export function permissionsMarkdownTable(): string {
  const header = `| permission | ${ROLES.join(" | ")} |`;
  const rule = `|---|${ROLES.map(() => ":-:").join("|")}|`;
  const rows = Object.entries(PERMISSIONS).map(
    ([permission, roles]) => `| \`${permission}\` | ${ROLES.map((role) => ((roles as readonly string[]).includes(role) ? "✓" : "")).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}
