import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// Without JavaScript the engine's lists still search, sort and page: a GET form and plain links,
// rendered by the server inside <noscript>.
const SECTIONS = [
  { path: "/users", term: "a", sortLink: "Sort by Name, descending", sort: "sort=name&dir=desc", first: "SELECT name AS v FROM users ORDER BY name DESC, id DESC LIMIT 1" },
  { path: "/products", term: "a", sortLink: "Sort by Price, descending", sort: "sort=price&dir=desc", first: "SELECT name AS v FROM products ORDER BY price DESC, id DESC LIMIT 1" },
  { path: "/orders", term: "", sortLink: "Sort by Total, descending", sort: "sort=total&dir=desc", first: null },
  { path: "/audit", term: "", sortLink: "Sort by Date, ascending", sort: "sort=time&dir=asc", first: null },
] as const;

for (const section of SECTIONS) {
  test(`${section.path} searches, sorts and pages with JavaScript off (en)`, async ({ browser, page }) => {
    await signIn(page, "admin", "en");
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noScript = await context.newPage();
    await noScript.goto(section.path);
    const controls = noScript.getByTestId("no-script-controls");
    await expect(controls).toBeVisible();
    await noScript.getByRole("link", { name: section.sortLink }).click();
    await expect(noScript).toHaveURL(new RegExp(`\\?${section.sort}$`));
    if (section.first) {
      const { rows } = await e2eDb().query<{ v: string }>(section.first);
      await expect(noScript.locator("tbody tr").first()).toContainText(rows[0]!.v);
    }
    if (section.term) {
      await controls.getByRole("searchbox").fill(section.term);
      await controls.getByRole("button").click();
      await expect(noScript).toHaveURL(new RegExp(`\\?q=${section.term}&${section.sort}$`));
    }
    const next = noScript.getByRole("link", { name: "Next page" });
    if (await next.count()) {
      await next.click();
      await expect(noScript).toHaveURL(/after=/);
      await expect(noScript.getByRole("link", { name: "Previous page" })).toBeVisible();
    }
    await context.close();
  });
}
