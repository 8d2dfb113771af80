import fc from "fast-check";
import { expect } from "vitest";
import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { db } from "@/lib/db";
import { ordersList } from "@/lib/orders/list";
import { ordersSource } from "@/lib/orders/list-source";
import { productsList } from "@/lib/products/list";
import { productsSource } from "@/lib/products/list-source";
import { usersList } from "@/lib/users/list";
import { usersSource } from "@/lib/users/list-source";
import { createProduct, createSessionFixture, createUser, resetDatabase } from "./fixtures";

/** The lists whose exports PostgreSQL writes whole: every one but the audit log's. */
export const LISTS_WRITTEN_IN_SQL = [
  [sessionsList, sessionsSource],
  [usersList, usersSource],
  [productsList, productsSource],
  [ordersList, ordersSource],
] as const;

/**
 * Every list's rows made of `names` (a session, its customer, vendor and product, and an order for
 * each), with every awaiting side and waiting times to the millisecond, plus a product and a staff
 * member named as given: what the exports that PostgreSQL writes are checked on against their
 * TypeScript writers (csv-in-sql.test.ts, xlsx-in-sql.test.ts).
 */
export async function seedExportRows(names: string[], extra: { vendor: string; product: string; support: string }): Promise<void> {
  await resetDatabase();
  for (const [index, name] of names.entries()) {
    const { customer, vendor } = await createSessionFixture({ product: name, customer: `${name} ${index}`, vendor: `${index} ${name}` });
    await db.order.create({ data: { customerId: customer.id, vendorId: vendor.id, status: index % 2 ? "paid" : "cancelled", total: [12.3, 0, 1234567.89, 5.5][index % 4]! } });
    await db.chatSession.updateMany({ where: { customerId: customer.id }, data: { awaiting: (["vendor", "customer", "none"] as const)[index % 3], awaitingSince: index % 3 === 2 ? null : new Date(Date.UTC(2026, 10, 29, 8, 5, 9, index * 111)) } });
  }
  await createProduct((await createUser("vendor", extra.vendor)).id, extra.product);
  await createUser("support", extra.support);
}

/** A SQL function of one text (csv_cell, xml_text) gives, for random texts of `unit`s, what `expected` gives. */
export async function checkTextFunction(sqlFunction: "csv_cell" | "xml_text", unit: fc.Arbitrary<string>, examples: string[], expected: (texts: string[], cells: string[]) => void): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 1, maxLength: 200 }), async (texts) => {
      const rows = await db.$queryRawUnsafe<{ cell: string }[]>(`SELECT ${sqlFunction}(text) AS cell FROM unnest($1::text[]) WITH ORDINALITY AS t(text, n) ORDER BY n`, texts);
      expect(rows).toHaveLength(texts.length);
      expected(texts, rows.map((row) => row.cell));
    }),
    { numRuns: 30, examples: [[examples]] },
  );
}
