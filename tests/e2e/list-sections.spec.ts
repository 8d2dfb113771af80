import { expect, test } from "./support/test";
import { readFileSync } from "node:fs";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

// Users, products and orders on the list engine: the same bulk export (with its column picker, in the list's sort)
// and column toggles as the sessions list.
const WORDS = {
  ar: { columns: "الأعمدة", selectPage: "تحديد كل الصفوف في هذه الصفحة", exportCsv: "تصدير CSV", fileColumns: "أعمدة الملف" },
  en: { columns: "Columns", selectPage: "Select every row on this page", exportCsv: "Export CSV", fileColumns: "Columns in the file" },
} as const;

const SECTIONS = [
  {
    path: "/users",
    sort: "sort=name&dir=desc",
    order: "SELECT id FROM users ORDER BY name DESC, id DESC LIMIT 25",
    toggle: { ar: "تاريخ التحديث", en: "Updated at", param: "updated" },
    unpick: { ar: ["البريد الإلكتروني", "الدور", "الجلسات", "غير المقروءة", "تاريخ الإنشاء", "تاريخ التحديث"], en: ["Email", "Role", "Sessions", "Unread", "Created at", "Updated at"] },
    header: { ar: "المعرّف,الاسم", en: "ID,Name" },
  },
  {
    path: "/products",
    sort: "sort=price&dir=desc",
    order: "SELECT id FROM products ORDER BY price DESC, id DESC LIMIT 25",
    toggle: { ar: "تاريخ الإنشاء", en: "Created at", param: "created" },
    unpick: { ar: ["البائع", "الجلسات", "غير المقروءة", "تاريخ الإنشاء"], en: ["Vendor", "Sessions", "Unread", "Created at"] },
    header: { ar: "المعرّف,المنتج,السعر", en: "ID,Product,Price" },
  },
  {
    path: "/orders",
    sort: "sort=total&dir=desc",
    order: "SELECT id FROM orders ORDER BY total DESC, id DESC LIMIT 25",
    toggle: { ar: "تاريخ التحديث", en: "Updated at", param: "updated" },
    unpick: { ar: ["العميل", "البائع", "الحالة", "الجلسات", "التاريخ", "تاريخ التحديث"], en: ["Customer", "Vendor", "Status", "Sessions", "Date", "Updated at"] },
    header: { ar: "الطلب,الإجمالي", en: "Order,Total" },
  },
] as const;

for (const section of SECTIONS) {
  for (const locale of ["ar", "en"] as TestLocale[]) {
    const text = WORDS[locale];
    test(`${section.path}: a column shown from the column menu stays shown; the ticked rows export in the list's sort with the picked columns (${locale})`, async ({ page }) => {
      await signIn(page, "support", locale);
      await page.goto(`${section.path}?${section.sort}`);
      const header = page.locator("thead th");
      const toggled = section.toggle[locale];
      await expect(header.filter({ hasText: toggled })).toHaveCount(0);
      await page.locator("summary", { hasText: text.columns }).first().click();
      await page.getByRole("checkbox", { name: toggled }).check();
      await expect(page).toHaveURL(new RegExp(`cols=${section.toggle.param}`));
      await expect(header.filter({ hasText: toggled })).toHaveCount(1);
      // The menu closes on Escape.
      await page.keyboard.press("Escape");
      await expect(page.getByRole("checkbox", { name: toggled })).toBeHidden();
      // Remembered for this user when the URL says nothing.
      await page.goto(section.path);
      await expect(header.filter({ hasText: toggled })).toHaveCount(1);

      await page.goto(`${section.path}?${section.sort}`);
      await page.getByRole("checkbox", { name: text.selectPage }).check();
      await page.locator("summary", { hasText: text.fileColumns }).click();
      const picker = page.getByRole("group", { name: text.fileColumns });
      for (const column of section.unpick[locale]) await picker.getByRole("checkbox", { name: column, exact: true }).uncheck();
      await expectAccessible(page);
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: text.exportCsv }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${section.path.slice(1)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const lines = readFileSync((await download.path())!).toString("utf8").slice(1).trimEnd().split("\r\n");
      expect(lines[0]).toBe(section.header[locale]);
      const { rows } = await e2eDb().query<{ id: number }>(section.order);
      expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(rows.map((row) => row.id));
    });
  }
}
