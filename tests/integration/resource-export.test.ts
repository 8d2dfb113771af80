import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { usersList } from "@/lib/users/list";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));
const locale = vi.hoisted(() => ({ value: "en" as "ar" | "en" }));
vi.mock("@/lib/i18n/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/i18n/server")>()),
  getLocale: async () => locale.value,
}));
// More customers than a page holds: the export is of every match, not the page shown.
const RESOURCE_PAGE_SIZE = usersList.defaultSize;
const users = await import("@/app/(admin)/users/export/route");
const orders = await import("@/app/(admin)/orders/export/route");
const products = await import("@/app/(admin)/products/export/route");
const audit = await import("@/app/(admin)/audit/export/route");

const get = (handler: { GET: (request: Request) => Promise<Response> }, query: string) => handler.GET(new Request(`http://localhost/x/export?${query}`));
const decode = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
let adminId = 0;

beforeAll(async () => {
  await resetDatabase();
  adminId = (await createUser("admin", "Admin")).id;
  const fixture = await createSessionFixture({ customer: "أحمد", vendor: "متجر", product: "ساعة" });
  await db.order.create({ data: { customerId: fixture.customer.id, vendorId: fixture.vendor.id, status: "paid", total: 12.5 } });
  for (let index = 0; index < RESOURCE_PAGE_SIZE + 10; index += 1) await createUser("customer", `Customer ${String(index).padStart(2, "0")}`);
});

describe("resource exports (the toolkit's export, for users, products, orders and the audit log)", () => {
  it("exports every user matching the search and filter, not only the page shown, with headers in the UI language, and audits it", async () => {
    actAs("support", adminId);
    const response = await get(users, "format=csv&role=customer&sort=name&dir=asc");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="users-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await decode(response)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFID,Name,Email,Role,Sessions,Unread,Created at,Updated at");
    expect(lines).toHaveLength(1 + RESOURCE_PAGE_SIZE + 10 + 1);
    expect(lines[1]).toContain("Customer 00");
    expect(lines.some((line) => line.includes("أحمد") && line.includes(",Customer,1,0,"))).toBe(true);
    const entry = await db.auditLog.findFirst({ where: { action: "resources.export" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: adminId, targetType: "users", details: { format: "csv", rows: RESOURCE_PAGE_SIZE + 11, completed: true, selection: { filters: { role: "customer" } }, order: { sort: "name", dir: "asc" } } });
  });

  it("writes Excel with typed cells and an Arabic right-to-left sheet", async () => {
    actAs("admin", adminId);
    locale.value = "ar";
    const response = await get(orders, "format=xlsx");
    locale.value = "en";
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([undefined, "الطلب", "العميل", "البائع", "الحالة", "الإجمالي", "الجلسات", "التاريخ", "تاريخ التحديث"]);
    expect(sheet.getRow(2).values).toEqual([undefined, expect.any(Number), "أحمد", "متجر", "مدفوع", 12.5, 0, expect.any(Date), expect.any(Date)]);
    const productsCsv = await decode(await get(products, "format=csv&q=ساعه"));
    expect(productsCsv.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("refuses roles without the right (403), and a bad format or filter (400) rather than exporting everything", async () => {
    for (const role of ["qa", "customer", "vendor"] as const) {
      actAs(role);
      expect((await get(users, "format=csv")).status, role).toBe(403);
    }
    actAs("support");
    expect((await get(audit, "format=csv")).status).toBe(403);
    actAs(null);
    expect((await get(orders, "format=csv")).status).toBe(403);
    actAs("admin", adminId);
    for (const query of ["", "format=pdf", "format=csv&role=nobody", `format=csv&q=${"x".repeat(201)}`]) {
      const response = await get(users, query);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toBe("The input is not valid.");
    }
    expect((await get(audit, "format=csv")).status).toBe(200);
  });
});
