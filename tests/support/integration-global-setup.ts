import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { stopScratchServer } from "../../scripts/lib/scratch-postgres";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
    await stopScratchServer();
  };
}
