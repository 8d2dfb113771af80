import { expect, type Page } from "@playwright/test";

/** Types into a server-searching combobox and picks the first option that contains `text`. */
export async function chooseOption(page: Page, inputId: string, text: string): Promise<string> {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(text);
  const option = page.getByRole("option").filter({ hasText: text }).first();
  await expect(option).toBeVisible();
  const label = (await option.locator("span").first().textContent()) ?? "";
  await option.click();
  return label;
}
