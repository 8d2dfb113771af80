import { afterEach, describe, expect, it, vi } from "vitest";

const installed = vi.hoisted(() => ({ paths: new Set<string>() }));
vi.mock("node:fs", async (importOriginal) => ({ ...(await importOriginal<typeof import("node:fs")>()), existsSync: (path: string) => installed.paths.has(path) }));
const { CHROMIUM_FULL, CHROMIUM_HEADLESS_SHELL, chromiumExecutable } = await import("@/scripts/lib/chromium");

const chosen = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (chosen === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = chosen;
  installed.paths.clear();
});

describe("the browser the end-to-end tests run in", () => {
  it("is CHROMIUM_PATH when it is set", () => {
    installed.paths.add(CHROMIUM_HEADLESS_SHELL);
    process.env.CHROMIUM_PATH = "/opt/elsewhere/chromium";
    expect(chromiumExecutable()).toBe("/opt/elsewhere/chromium");
  });

  it("is Debian's headless shell when it is installed", () => {
    delete process.env.CHROMIUM_PATH;
    installed.paths.add(CHROMIUM_HEADLESS_SHELL).add(CHROMIUM_FULL);
    expect(chromiumExecutable()).toBe("/usr/bin/chromium-headless-shell");
  });

  it("is Debian's full Chromium without it", () => {
    delete process.env.CHROMIUM_PATH;
    installed.paths.add(CHROMIUM_FULL);
    expect(chromiumExecutable()).toBe("/usr/bin/chromium");
  });
});
