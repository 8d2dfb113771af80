import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databasePoolMax: number;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("databasePoolMax", database.poolMax);
  return () => database.drop();
}
