// npm run screenshots -- [paths] — signs in and photographs pages the way users see them:
// Arabic and English, light and dark, desktop (1280×800), a small laptop (1024×768) and phone
// (390×844). Needs a running panel (BASE_URL, default http://localhost:3000); FULL_PAGE=1 for whole
// pages; THEMES=light to skip the dark ones. Writes to tests/.artifacts/screenshots/.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { THEME_COOKIE } from "../lib/preferences/theme";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const account = process.env.ACCOUNT ?? "admin@demo.test";
const paths = (process.argv[2] ?? "/chat-sessions").split(",");
const outDir = "tests/.artifacts/screenshots";
const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "laptop", width: 1024, height: 768 },
  { name: "phone", width: 390, height: 844 },
];
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const themes = (process.env.THEMES ?? "light,dark").split(",");
for (const { locale, theme } of ["ar", "en"].flatMap((locale) => themes.map((theme) => ({ locale, theme })))) {
  for (const viewport of viewports) {
    const context = await browser.newContext({ viewport });
    await context.addCookies([
      { name: "locale", value: locale, url: base },
      { name: THEME_COOKIE, value: theme, url: base },
    ]);
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.locator("#email").fill(account);
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("form:has(#email) button[type=submit]").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("load");
      await page.waitForTimeout(500);
      const file = `${outDir}/${path.replace(/\W+/g, "_")}-${locale}-${theme}-${viewport.name}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === "1" });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
