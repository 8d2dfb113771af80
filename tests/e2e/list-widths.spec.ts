import { expect, test, type Page } from "./support/test";
import { signIn, type TestLocale } from "./support/auth";
import { openRowMenu } from "./support/row-menu";

// Issue 18: every list fits the common laptop widths in both languages, with its optional
// columns on, and becomes cards on a phone; every row action can be reached without
// scrolling sideways. (The audit log is on the same table, and empty on a fresh database.)
const LISTS = [
  { path: "/chat-sessions", cols: "createdAt,updatedAt" },
  { path: "/users", cols: "updated" },
  { path: "/products", cols: "created" },
  { path: "/orders", cols: "updated" },
] as const;

const MORE = { ar: "إجراءات الجلسة", en: "Actions for session" } as const;

/** Boxes of every control in the rows, of the rows themselves, and how far the page and each table scroll sideways. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: Math.round(rect.left), right: Math.round(rect.right), width: Math.round(rect.width), label: element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 30) ?? "" };
    };
    const tables = [...document.querySelectorAll(".list-table")].map((table) => table.parentElement!);
    return {
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      tableOverflow: Math.max(0, ...tables.map((frame) => frame.scrollWidth - frame.clientWidth)),
      frames: tables.map(box),
      controls: [...document.querySelectorAll(".list-table tbody :is(a, button, input)")].map(box),
      rows: [...document.querySelectorAll(".list-table tbody tr")].map((row) => ({ ...box(row), display: getComputedStyle(row).display })),
    };
  });
}

function expectInside(controls: { left: number; right: number; width: number; label: string }[], from: number, to: number) {
  expect(controls.length).toBeGreaterThan(0);
  const outside = controls.filter((control) => control.width === 0 || control.left < from - 1 || control.right > to + 1);
  expect(outside, `controls clipped outside [${from}, ${to}]`).toEqual([]);
}

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`lists fit at 1280 and 1024 with their optional columns, and are cards at 390 (${locale})`, async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, "admin", locale);
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      for (const list of LISTS) {
        await page.goto(`${list.path}?cols=${list.cols}`);
        await expect(page.locator(".list-table tbody tr").first()).toBeVisible();
        const shown = await measure(page);
        expect(shown.pageOverflow, `${list.path} at ${width}: the page scrolls sideways`).toBeLessThanOrEqual(0);
        expect(shown.tableOverflow, `${list.path} at ${width}: the table is wider than its frame`).toBeLessThanOrEqual(0);
        expectInside(shown.controls, shown.frames[0]!.left, shown.frames[0]!.right);
      }
      // The folded row actions open inside the window too.
      await page.goto("/chat-sessions?cols=createdAt,updatedAt");
      const row = page.locator(".list-table tbody tr").first();
      const menu = await openRowMenu(row, MORE[locale]);
      await expect(menu.getByRole("menuitem").first()).toBeFocused();
      const items = await menu.getByRole("menuitem").evaluateAll((elements) => elements.map((element) => ({ ...element.getBoundingClientRect().toJSON(), label: element.textContent ?? "" })));
      expectInside(items.map((item) => ({ left: item.left, right: item.right, width: item.width, label: item.label })), 0, width);
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(row.getByRole("button", { name: MORE[locale] })).toBeFocused();
    }

    await page.setViewportSize({ width: 390, height: 844 });
    for (const list of LISTS) {
      await page.goto(list.path);
      await expect(page.locator(".list-table tbody tr").first()).toBeVisible();
      const shown = await measure(page);
      expect(shown.pageOverflow, `${list.path} at 390: the page scrolls sideways`).toBeLessThanOrEqual(0);
      expect(shown.rows.every((row) => row.display === "flex" && row.right <= 390), `${list.path} at 390: rows are cards within the screen`).toBe(true);
      expectInside(shown.controls, 0, 390);
    }
  });
}

test("a new view of the list says it is loading, with aria-busy and a bar, until its rows arrive (ar)", async ({ page }) => {
  await signIn(page, "support", "ar");
  await page.goto("/chat-sessions");
  const region = page.getByTestId("list-rows");
  await expect(region).toHaveAttribute("aria-busy", "false");
  // The next view's answer (the router's RSC request) is held until the test lets it go.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/chat-sessions?*", async (route) => {
    if (route.request().headers().rsc === "1") await held;
    await route.continue();
  });
  await page.locator("thead").getByRole("button", { name: /المنتج/ }).click();
  await expect(region).toHaveAttribute("aria-busy", "true");
  await expect(region.getByRole("progressbar", { name: "جارٍ التحميل…" })).toBeVisible();
  release();
  await expect(page).toHaveURL(/sort=product/);
  await expect(region).toHaveAttribute("aria-busy", "false");
  await expect(region.getByRole("progressbar")).toHaveCount(0);
});
