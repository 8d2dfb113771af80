import { test as base } from "@playwright/test";
import { e2eServerPort } from "./paths";

export { expect, request, type Browser, type Locator, type Page } from "@playwright/test";

/** Playwright's test, talking to its worker's own server (tests/e2e/support/paths.ts). */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; this one has none
  baseURL: async ({}, use) => use(`http://localhost:${e2eServerPort()}`),
});
