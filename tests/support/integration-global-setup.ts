import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { stopScratchServer } from "../../scripts/lib/scratch-postgres";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { INTEGRATION_WORKERS } from "./integration-workers";

declare module "vitest" {
  export interface ProvidedContext {
    /** one migrated database per integration worker, indexed by VITEST_POOL_ID - 1 */
    databaseUrls: string[];
  }
}

// Files run two at a time, each worker on a database of its own, so that totals (NAV-2) and
// truncations stay one file's alone. The schema is migrated once and copied: a template copy
// takes a fraction of a second, the migrations many seconds.
export default async function setup(project: TestProject) {
  const template = await createTestDatabase("it");
  await applyMigrations(template.url);
  const databases: TestDatabase[] = [];
  for (let worker = 1; worker <= INTEGRATION_WORKERS; worker++) databases.push(await createTestDatabase(`it_w${worker}`, { template: template.url }));
  project.provide(
    "databaseUrls",
    databases.map((database) => database.url),
  );
  return async () => {
    for (const database of [...databases, template]) await database.drop();
    await stopScratchServer();
  };
}
