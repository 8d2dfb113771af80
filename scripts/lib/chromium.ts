import { existsSync } from "node:fs";

/**
 * The browser of the end-to-end tests and the screenshots: Debian's Chromium, never a downloaded
 * one. Its old headless shell (Debian's package chromium-headless-shell: the same Chromium
 * release, and the headless mode Playwright itself runs by default) when it is installed, else the
 * full browser in its new headless mode, which opens every page as a whole browser window would.
 * On this 2-core machine ten fresh contexts each opening the sign-in page took 8.7–12.1 s and
 * 3.5–3.6 s of CPU in the shell against 20.1–21.3 s and 8.1–8.7 s in the full browser; the
 * browser tests' panel run (116 tests, 2 workers) 10.1 → 7.5 min.
 * CHROMIUM_PATH chooses another.
 */
export const CHROMIUM_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
export const CHROMIUM_FULL = "/usr/bin/chromium";

export function chromiumExecutable(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(CHROMIUM_HEADLESS_SHELL) ? CHROMIUM_HEADLESS_SHELL : CHROMIUM_FULL;
}

/** Its launch flags: the background-networking ones keep it from calling out of this closed network. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
