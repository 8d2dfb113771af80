import { readFileSync } from "node:fs";

/** The id Next gave a server action in this build (the id the page's client code posts as `Next-Action`). */
export function serverActionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name && entry.filename === file);
  if (!found) throw new Error(`server action ${file}#${name} not in the build's manifest`);
  return found[0];
}
