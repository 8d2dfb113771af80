import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** Empties every table (ids restart) so each test file starts from nothing. */
export async function resetDatabase(): Promise<void> {
  await db.$executeRawUnsafe(
    `TRUNCATE users, products, orders, order_items, chat_sessions, chat_messages, audit_log, settings RESTART IDENTITY CASCADE`,
  );
  await db.$executeRawUnsafe(`UPDATE unread_totals SET total = 0`);
}

let sequence = 0;

export async function createUser(role: Role, name = `${role} ${++sequence}`) {
  return db.user.create({ data: { name, role, email: `${role}${++sequence}-${Date.now()}@test.local` } });
}

export async function createProduct(vendorId: number, name = `Product ${++sequence}`) {
  return db.product.create({ data: { name, vendorId } });
}

/** A customer, a vendor, a product of that vendor and a session about it. */
export async function createSessionFixture(names: { product?: string; customer?: string; vendor?: string } = {}) {
  const vendor = await createUser("vendor", names.vendor);
  const customer = await createUser("customer", names.customer);
  const product = await createProduct(vendor.id, names.product);
  const session = await db.chatSession.create({
    data: { productId: product.id, customerId: customer.id, vendorId: vendor.id },
  });
  return { vendor, customer, product, session };
}

/** The counters as they should be, counted afresh from the messages. */
export async function countersFromMessages() {
  const rows = await db.$queryRawUnsafe<{ id: number; messages: number; unread: number }[]>(
    `SELECT s.id, count(m.id)::int AS messages, (count(m.id) FILTER (WHERE m.read_at IS NULL))::int AS unread
       FROM chat_sessions s LEFT JOIN chat_messages m ON m.session_id = s.id GROUP BY s.id ORDER BY s.id`,
  );
  return rows;
}
