import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/search/like-pattern";
import { isId } from "@/lib/id-schema";

export const ENTITY_KINDS = ["customer", "vendor", "user", "product", "order"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
/** Narrows the order dropdown to the orders between one customer and one vendor. */
export type EntityScope = { customerId?: number; vendorId?: number };
export type EntityOption = { id: number; label: string; detail: string | null; vendorId?: number; vendorName?: string };

const LIMIT = 20;

/**
 * Options for a searchable dropdown: matches on the Arabic-normalised name (trigram index),
 * best prefix first. Nothing is loaded whole, so it stays fast with hundreds of thousands of users.
 */
export async function searchEntities(kind: EntityKind, query: string, scope: EntityScope = {}): Promise<EntityOption[]> {
  const term = escapeLike(query.trim().slice(0, 100));
  const pattern = Prisma.sql`'%' || search_normalize(${term}) || '%'`;
  if (kind === "order") return searchOrders(query, pattern, scope);
  if (kind === "product") {
    const rows = await db.$queryRaw<{ id: number; name: string; vendor_id: number; vendor_name: string }[]>`
      SELECT p.id, p.name, p.vendor_id, u.name AS vendor_name
        FROM products p JOIN users u ON u.id = p.vendor_id
       WHERE p.search_name LIKE ${pattern}
       ORDER BY (p.search_name LIKE search_normalize(${term}) || '%') DESC, p.name, p.id
       LIMIT ${LIMIT}`;
    return rows.map((row) => ({ id: row.id, label: row.name, detail: row.vendor_name, vendorId: row.vendor_id, vendorName: row.vendor_name }));
  }
  const roleFilter = kind === "user" ? Prisma.empty : Prisma.sql`AND role = ${kind}::"Role"`;
  const rows = await db.$queryRaw<{ id: number; name: string; email: string }[]>`
    SELECT id, name, email FROM users
     WHERE search_name LIKE ${pattern} ${roleFilter}
     ORDER BY (search_name LIKE search_normalize(${term}) || '%') DESC, name, id
     LIMIT ${LIMIT}`;
  return rows.map((row) => ({ id: row.id, label: row.name, detail: row.email }));
}

/** Orders by number ("12" or "#12") or by the customer's or vendor's name, newest first. */
async function searchOrders(query: string, pattern: Prisma.Sql, scope: EntityScope): Promise<EntityOption[]> {
  const number = /^#?\s*(\d{1,9})$/.exec(query.trim())?.[1];
  const match = number ? Prisma.sql`o.id = ${Number(number)}` : Prisma.sql`(c.search_name LIKE ${pattern} OR v.search_name LIKE ${pattern})`;
  const pair = [
    scope.customerId ? Prisma.sql`AND o.customer_id = ${scope.customerId}` : Prisma.empty,
    scope.vendorId ? Prisma.sql`AND o.vendor_id = ${scope.vendorId}` : Prisma.empty,
  ];
  const rows = await db.$queryRaw<{ id: number; customer_name: string; vendor_name: string; created_at: Date }[]>`
    SELECT o.id, c.name AS customer_name, v.name AS vendor_name, o.created_at
      FROM orders o JOIN users c ON c.id = o.customer_id JOIN users v ON v.id = o.vendor_id
     WHERE ${match} ${pair[0]} ${pair[1]}
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT ${LIMIT}`;
  return rows.map((row) => ({ id: row.id, label: orderLabel(row.id, row.customer_name, row.vendor_name), detail: row.created_at.toISOString().slice(0, 10) }));
}

// The number is isolated left-to-right, so "#33" does not turn into "33#" in an Arabic line.
function orderLabel(id: number, customerName: string, vendorName: string): string {
  return `\u2066#${id}\u2069 · ${customerName} ↔ ${vendorName}`;
}

/** The label of a chosen id, so a dropdown shows its value after a reload. */
export async function getEntityLabel(kind: EntityKind, id: number): Promise<string | null> {
  if (!isId(id)) return null;
  if (kind === "product") return (await db.product.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
  if (kind === "order") {
    const order = await db.order.findUnique({ where: { id }, select: { customer: { select: { name: true } }, vendor: { select: { name: true } } } });
    return order ? orderLabel(id, order.customer.name, order.vendor.name) : null;
  }
  const user = await db.user.findUnique({ where: { id }, select: { name: true, role: true } });
  if (!user || (kind !== "user" && user.role !== kind)) return null;
  return user.name;
}
