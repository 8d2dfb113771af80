import { expect, type Locator } from "@playwright/test";

/**
 * Opens a row's actions menu and returns it. A click that lands before the page has hydrated
 * does nothing, so the click is repeated until the menu is open. The menu opens beside its
 * button, in either direction (in Arabic it once opened at the far side of the window).
 */
export async function openRowMenu(row: Locator, name: string): Promise<Locator> {
  const menu = row.page().getByRole("menu");
  const button = row.getByRole("button", { name });
  await expect(async () => {
    if (!(await menu.isVisible())) await button.click();
    await expect(menu).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const [menuBox, buttonBox] = [await menu.boundingBox(), await button.boundingBox()];
  const gap = Math.max(menuBox!.x - (buttonBox!.x + buttonBox!.width), buttonBox!.x - (menuBox!.x + menuBox!.width), 0);
  expect(gap, "the menu opens beside its button").toBe(0);
  return menu;
}
