import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const paths = (process.env.PATHS ?? "/chat-sessions").split(",");
for (const locale of ["ar", "en"]) {
  for (const [w, h, tag] of [[1280, 800, "desk"], [390, 844, "phone"]] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    await ctx.addCookies([{ name: "locale", value: locale, url: base }]);
    const page = await ctx.newPage();
    await page.goto(base + "/sign-in");
    if (tag === "desk") await page.screenshot({ path: `/tmp/shots/signin-${locale}-${tag}.png` });
    await page.fill("#email", process.env.EMAIL ?? "admin@demo.test");
    await page.fill("#password", "demo-password");
    await page.click("button[type=submit]");
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    for (const p of paths) {
      await page.goto(base + p);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `/tmp/shots/${p.replace(/\W+/g, "_")}-${locale}-${tag}.png`, fullPage: false });
    }
    await ctx.close();
  }
}
await browser.close();
console.log("shots done");
