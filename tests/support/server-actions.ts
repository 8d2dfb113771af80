import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Permission } from "@/lib/permissions";

export type DiscoveredAction = ((input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>) & { permission?: Permission };

// Server-action modules that carry no authority (language and theme cookies).
const EXEMPT = new Set(["lib/preferences/actions.ts"]);

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "generated" ? [] : serverActionFiles(path);
    return /\.tsx?$/.test(entry) && /^\s*["']use server["']/.test(readFileSync(path, "utf8")) ? [path] : [];
  });
}

/** Every exported server action under lib/, found by its "use server" directive. */
export async function discoverServerActions(): Promise<{ name: string; action: DiscoveredAction }[]> {
  return (await discoverServerModuleExports()).filter((entry): entry is { name: string; action: DiscoveredAction } => typeof entry.action === "function");
}

/** Every export of every "use server" module; Next allows async functions only. */
export async function discoverServerModuleExports(): Promise<{ name: string; action: unknown }[]> {
  const found: { name: string; action: unknown }[] = [];
  for (const file of serverActionFiles("lib").filter((file) => !EXEMPT.has(file))) {
    const module = (await import(`../../${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) found.push({ name: `${file}#${name}`, action: value });
  }
  return found;
}
