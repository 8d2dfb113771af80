import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// Without JavaScript the engine's lists still search, sort and page: a GET form and plain links,
// rendered by the server inside <noscript>.
const SECTIONS = [
  { path: "/users", term: "a", column: "Name", sort: "name", dir: "desc", first: "SELECT name AS v FROM users ORDER BY name DESC, id DESC LIMIT 1" },
  { path: "/products", term: "a", column: "Price", sort: "price", dir: "desc", first: "SELECT name AS v FROM products ORDER BY price DESC, id DESC LIMIT 1" },
  { path: "/orders", term: "", column: "Total", sort: "total", dir: "desc", first: null },
  { path: "/audit", term: "", column: "Date", sort: "time", dir: "asc", first: null },
] as const;

for (const section of SECTIONS) {
  test(`${section.path} searches, sorts and pages with JavaScript off (en)`, async ({ browser, page }) => {
    await signIn(page, "admin", "en");
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noScript = await context.newPage();
    await noScript.goto(section.path);
    const controls = noScript.getByTestId("no-script-controls");
    await expect(controls).toBeVisible();
    const sortBy = controls.getByRole("combobox", { name: "Sort by" });
    await sortBy.selectOption({ label: section.column });
    await controls.getByRole("combobox", { name: "Sort direction" }).selectOption({ label: section.dir === "asc" ? "Ascending" : "Descending" });
    await controls.getByRole("button", { name: "Apply" }).click();
    const sortQuery = `sort=${section.sort}&dir=${section.dir}`;
    await expect(noScript).toHaveURL(new RegExp(`\\?q=&${sortQuery}$`));
    await expect(sortBy).toHaveValue(section.sort);
    if (section.first) {
      const { rows } = await e2eDb().query<{ v: string }>(section.first);
      await expect(noScript.locator("tbody tr").first()).toContainText(rows[0]!.v);
    }
    if (section.term) {
      await controls.getByRole("searchbox").fill(section.term);
      await controls.getByRole("button", { name: "Apply" }).click();
      await expect(noScript).toHaveURL(new RegExp(`\\?q=${section.term}&${sortQuery}$`));
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
