import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nextBuildState } from "../../scripts/lib/next-build";
import { prismaClientState } from "../../scripts/lib/prisma-client";
import { recordStamp } from "../../scripts/lib/source-hash";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout with a few sources, built (or generated) from them as they are. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), "freshness-"));
  roots.push(root);
  for (const dir of ["app", "lib/generated/prisma", "prisma", ".next"]) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, "app/page.tsx"), "export default function Page() { return null; }\n");
  writeFileSync(join(root, "prisma/schema.prisma"), "model User { id Int @id }\n");
  writeFileSync(join(root, "package-lock.json"), '{ "lockfileVersion": 3 }\n');
  writeFileSync(join(root, ".next/BUILD_ID"), "build-1");
  writeFileSync(join(root, "lib/generated/prisma/client.ts"), "export {};\n");
  recordStamp(join(root, ".next/source-hash"), nextBuildState(root).hash);
  recordStamp(join(root, "lib/generated/prisma/.source-hash"), prismaClientState(root).hash);
  return root;
}

const later = new Date(Date.now() + 3_600_000);

describe("build and Prisma client freshness, decided by content", () => {
  it("npm install rewriting package-lock.json with the same contents (a newer time) forces neither a build nor a generation", () => {
    const root = checkout();
    writeFileSync(join(root, "package-lock.json"), '{ "lockfileVersion": 3 }\n');
    utimesSync(join(root, "package-lock.json"), later, later);
    utimesSync(join(root, "app/page.tsx"), later, later);
    expect(nextBuildState(root).fresh).toBe(true);
    expect(prismaClientState(root).fresh).toBe(true);
  });

  it("a changed lock file makes both stale; a changed page only the build; a changed schema both", () => {
    const lock = checkout();
    writeFileSync(join(lock, "package-lock.json"), '{ "lockfileVersion": 3, "packages": {} }\n');
    expect([nextBuildState(lock).fresh, prismaClientState(lock).fresh]).toEqual([false, false]);

    const page = checkout();
    writeFileSync(join(page, "app/page.tsx"), "export default function Page() { return 1; }\n");
    expect([nextBuildState(page).fresh, prismaClientState(page).fresh]).toEqual([false, true]);

    const schema = checkout();
    writeFileSync(join(schema, "prisma/schema.prisma"), "model User { id Int @id\n name String }\n");
    expect([nextBuildState(schema).fresh, prismaClientState(schema).fresh]).toEqual([false, false]);
  });

  it("a new source file makes the build stale; the generated client's own files do not", () => {
    const added = checkout();
    writeFileSync(join(added, "app/extra.tsx"), "export {};\n");
    expect(nextBuildState(added).fresh).toBe(false);

    const generated = checkout();
    writeFileSync(join(generated, "lib/generated/prisma/client.ts"), "export const regenerated = true;\n");
    expect(nextBuildState(generated).fresh).toBe(true);
  });

  it("no build, or a build with no record of its sources (made before this check), is stale", () => {
    const noBuild = checkout();
    rmSync(join(noBuild, ".next/BUILD_ID"));
    expect(nextBuildState(noBuild).fresh).toBe(false);

    const unrecorded = checkout();
    rmSync(join(unrecorded, ".next/source-hash"));
    rmSync(join(unrecorded, "lib/generated/prisma/.source-hash"));
    expect(nextBuildState(unrecorded).fresh).toBe(false);
    expect(prismaClientState(unrecorded).fresh).toBe(false);
  });
});
