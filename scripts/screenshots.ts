// npm run screenshots -- [paths] — signs in and photographs pages the way users see them:
// Arabic and English, light and dark, desktop (1280×800), a small laptop (1024×768) and phone
// (390×844). Needs a running panel (BASE_URL, default http://localhost:3000); FULL_PAGE=1 for whole
// pages; THEMES=light to skip the dark ones; VIEWPORTS=desktop,phone to skip the laptop. Writes to
// tests/.artifacts/screenshots/.
// A path may end in `#<scene>`, a state the page is brought to first (SCENES below); `triage`
// stands for issue 19's pages: triage mode, the queue tabs with the waiting column and the mark of
// the session triage mode holds, the save-view dialog, a saved view's tab, the bulk bar.
import { chromium, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { THEME_COOKIE } from "../lib/preferences/theme";
import { chatSessions } from "../lib/i18n/catalogs/chat-sessions";
import { common } from "../lib/i18n/catalogs/common";
import { CHROMIUM_ARGS, chromiumExecutable } from "./lib/chromium";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const account = process.env.ACCOUNT ?? "admin@demo.test";
// Triage mode first: it holds the longest-waiting session, the first row of the list sorted by waiting.
// The saved view filters as no built-in queue does, so that its tab is the current one whatever the order.
const TRIAGE_PAGES = ["/chat-sessions/triage", "/chat-sessions?sort=waiting&dir=asc", "/chat-sessions?awaiting=vendor&waitingOver=amber#save-view", "/chat-sessions?awaiting=vendor&waitingOver=amber#saved-tab", "/chat-sessions#bulk"];
const paths = (process.argv[2] ?? "/chat-sessions").split(",").flatMap((path) => (path === "triage" ? TRIAGE_PAGES : [path]));

type Locale = "ar" | "en";
const VIEW_NAME = { ar: "عرض للصور", en: "Screenshot view" };
/** What a scene does before the photograph, and what it undoes after (a saved view is deleted again). */
const SCENES: Record<string, { before: (page: Page, locale: Locale) => Promise<void>; after?: (page: Page, locale: Locale) => Promise<void> }> = {
  "save-view": {
    before: async (page, locale) => {
      await page.getByRole("button", { name: chatSessions[locale].saveView, exact: true }).click();
      await page.getByLabel(chatSessions[locale].viewName).fill(VIEW_NAME[locale]);
    },
  },
  "saved-tab": {
    before: async (page, locale) => {
      await SCENES["save-view"]!.before(page, locale);
      await page.getByRole("dialog").getByRole("button", { name: common[locale].save, exact: true }).click();
      await page.getByTestId("queue-tabs").getByRole("link", { name: new RegExp(VIEW_NAME[locale]) }).click();
      await page.getByRole("button", { name: chatSessions[locale].deleteView }).waitFor();
    },
    after: async (page, locale) => {
      await page.getByRole("button", { name: chatSessions[locale].deleteView }).click();
      await page.getByRole("dialog").getByRole("button", { name: chatSessions[locale].deleteView }).click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
    },
  },
  bulk: {
    before: async (page, locale) => {
      await page.locator("tbody input[type=checkbox]").first().check();
      await page.getByText(chatSessions[locale].transcriptCsv).waitFor();
    },
  },
};
const outDir = "tests/.artifacts/screenshots";
const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "laptop", width: 1024, height: 768 },
  { name: "phone", width: 390, height: 844 },
].filter(({ name }) => !process.env.VIEWPORTS || process.env.VIEWPORTS.split(",").includes(name));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: CHROMIUM_ARGS,
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
    for (const entry of paths) {
      const [path, sceneName] = entry.split("#");
      const scene = sceneName ? SCENES[sceneName] : undefined;
      if (sceneName && !scene) throw new Error(`no scene ${sceneName}: ${Object.keys(SCENES).join(", ")}`);
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("load");
      await scene?.before(page, locale as Locale);
      // The queue tabs fetch their counts once on screen: photograph them counted.
      if (await page.getByTestId("queue-tabs").count()) await page.locator("[data-testid=queue-tabs] [data-count]").first().waitFor();
      await page.waitForTimeout(500);
      const file = `${outDir}/${entry.replace(/\W+/g, "_")}-${locale}-${theme}-${viewport.name}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === "1" });
      console.log(file);
      await scene?.after?.(page, locale as Locale);
    }
    await context.close();
  }
}
await browser.close();
