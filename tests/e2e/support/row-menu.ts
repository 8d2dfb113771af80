import { expect, type Locator } from "@playwright/test";

/**
 * Opens a row's actions menu and returns it. A click that lands before the page has hydrated
 * does nothing, so the click is repeated until the menu is open.
 */
export async function openRowMenu(row: Locator, name: string): Promise<Locator> {
  const menu = row.page().getByRole("menu");
  await expect(async () => {
    if (!(await menu.isVisible())) await row.getByRole("button", { name }).click();
    await expect(menu).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return menu;
}
