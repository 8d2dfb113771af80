import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

// Sections on the list engine: the same bulk export (with its column picker, in the list's sort)
// and column toggles as the sessions list.
const TEXT = {
  ar: { columns: "الأعمدة", created: "تاريخ الإنشاء", selectPage: "تحديد كل الصفوف في هذه الصفحة", exportCsv: "تصدير CSV", fileColumns: "أعمدة الملف", unpick: ["البائع", "الجلسات", "غير المقروءة", "تاريخ الإنشاء"], header: "المعرّف,المنتج,السعر" },
  en: { columns: "Columns", created: "Created at", selectPage: "Select every row on this page", exportCsv: "Export CSV", fileColumns: "Columns in the file", unpick: ["Vendor", "Sessions", "Unread", "Created at"], header: "ID,Product,Price" },
} as const;

for (const locale of ["ar", "en"] as TestLocale[]) {
  const text = TEXT[locale];
  test(`Products: a column shown from the column menu stays shown; the ticked rows export in the list's sort with the picked columns (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await page.goto("/products?sort=price&dir=desc");
    const header = page.locator("thead th");
    await expect(header.filter({ hasText: text.created })).toHaveCount(0);
    await page.getByText(text.columns, { exact: true }).click();
    await page.getByRole("checkbox", { name: text.created }).check();
    await expect(page).toHaveURL(/cols=created/);
    await expect(header.filter({ hasText: text.created })).toHaveCount(1);
    // The menu closes on Escape.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("checkbox", { name: text.created })).toBeHidden();
    // Remembered for this user when the URL says nothing.
    await page.goto("/products");
    await expect(header.filter({ hasText: text.created })).toHaveCount(1);

    await page.goto("/products?sort=price&dir=desc");
    await page.getByRole("checkbox", { name: text.selectPage }).check();
    await page.getByText(text.fileColumns, { exact: true }).click();
    for (const column of text.unpick) await page.getByRole("group", { name: text.fileColumns }).getByRole("checkbox", { name: column, exact: true }).uncheck();
    await expectAccessible(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: text.exportCsv }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!).toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(text.header);
    const { rows } = await e2eDb().query<{ id: number }>("SELECT id FROM products ORDER BY price DESC, id DESC LIMIT 25");
    expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(rows.map((row) => row.id));
  });
}
