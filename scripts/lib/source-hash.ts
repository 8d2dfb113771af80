import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

function filesUnder(path: string, skip: string[]): string[] {
  if (!existsSync(path) || skip.includes(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry), skip));
}

/**
 * One hash of the names and contents of every file under `sources` (files or folders, relative to
 * `root`), so that a freshness decision depends on what the files say, never on their times:
 * `npm install` rewriting package-lock.json with the same contents changes nothing.
 */
export function sourceHash(root: string, sources: string[], skip: string[] = []): string {
  const hash = createHash("sha256");
  const skipped = skip.map((path) => join(root, path));
  for (const file of sources.flatMap((source) => filesUnder(join(root, source), skipped))) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Whether `stampFile` records `hash` (what a build or generation was made from). */
export function isFresh(stampFile: string, hash: string): boolean {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === hash;
}

export function recordStamp(stampFile: string, hash: string): void {
  writeFileSync(stampFile, `${hash}\n`);
}
