import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * The first of `count` consecutive free ports for a browser run's servers, below the kernel's
 * ephemeral range (freePortRange, scripts/lib/embedded-postgres.ts). Synchronous, in a process of
 * its own: Playwright's config is not awaited.
 */
export function unusedPortRange(count: number): number {
  const script = `import("./scripts/lib/embedded-postgres.ts").then((m) => m.freePortRange(${count})).then((port) => console.log(port))`;
  return Number(execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: root, encoding: "utf8" }).trim());
}
