// The combination matrix of the other lists on the list engine (issue 16: users, products,
// orders, the audit log), at the bench's sizes (npm run bench:seed: 200k users, 20k products,
// 300k orders, 300k audit entries): every sort × direction × no filter, each filter, searches and
// two filters together, each against the best hand-written SQL for the same rows
// (scripts/bench/list-matrix.ts). Part `sections` of `npm run bench:list`.
import type pg from "pg";
import { type MatrixClients, type MatrixFilter, matrixSource, printMatrix, runMatrix } from "./list-matrix";

type One = <T extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<T>;

/** `from` as a day: the date ranges' filters take days (lib/list-engine/list-source.ts). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export async function benchSectionMatrices(clients: MatrixClients, one: One, only: string | undefined, log: (line: string) => void): Promise<void> {
  const { listPage } = await import("../../lib/list-engine/keyset");
  const { defaultState } = await import("../../lib/list-engine/url-state");
  const { usersList } = await import("../../lib/users/list");
  const { usersSource } = await import("../../lib/users/list-source");
  const { productsList } = await import("../../lib/products/list");
  const { productsSource } = await import("../../lib/products/list-source");
  const { ordersList } = await import("../../lib/orders/list");
  const { ordersSource } = await import("../../lib/orders/list-source");
  const { auditList, AUDIT_ACTIONS } = await import("../../lib/audit-log/list");
  const { auditSource } = await import("../../lib/audit-log/list-source");

  const pattern = async (term: string) => (await one<{ pattern: string }>("SELECT '%' || search_normalize($1) || '%' AS pattern", [term])).pattern;
  const arabicName = await pattern("يوسف");
  const vendorWord = await pattern("متجر");
  const busyVendor = await one<{ id: number }>("SELECT vendor_id AS id FROM products GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
  const busyOrderCustomer = await one<{ id: number }>("SELECT customer_id AS id FROM orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
  const busyOrderVendor = await one<{ id: number }>("SELECT vendor_id AS id FROM orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
  const rareUser = await one<{ name: string }>("SELECT name FROM users WHERE role = 'customer' ORDER BY id DESC LIMIT 1");
  const rareProduct = await one<{ name: string }>("SELECT name FROM products ORDER BY id DESC LIMIT 1");
  const support = await one<{ id: number; name: string }>("SELECT id, name FROM users WHERE role = 'support' ORDER BY id LIMIT 1");
  const [commonAction, rareAction] = [AUDIT_ACTIONS[0], AUDIT_ACTIONS.at(-1)!];
  const search = (name: string, term: string, where: string, value: string): MatrixFilter => ({ name, params: { q: term }, where, values: [value] });
  const lastDays = (days: number, column: string): MatrixFilter => ({
    name: `created, last ${days} days`,
    params: { created: { from: daysAgo(days), to: null } },
    where: `${column} >= $1::date`,
    values: [daysAgo(days)],
  });

  type SqlText = { text: string; values: unknown[] };
  type Section = { name: string; declaration: unknown; source: { from: SqlText; select: SqlText; id: string; sortColumns: Record<string, string> }; filters: MatrixFilter[] };
  const sections: Section[] = [
    {
      name: "users",
      declaration: usersList,
      source: usersSource,
      filters: [
        { name: "no filter", params: {}, where: "TRUE", values: [] },
        { name: "role customer", params: { role: "customer" }, where: `u.role = 'customer'`, values: [] },
        { name: "role vendor", params: { role: "vendor" }, where: `u.role = 'vendor'`, values: [] },
        { name: "with unread", params: { withUnread: true }, where: "EXISTS (SELECT 1 FROM chat_sessions s WHERE (s.customer_id = u.id OR s.vendor_id = u.id) AND s.unread_count > 0)", values: [] },
        lastDays(30, "u.created_at"),
        search("'يوسف'", "يوسف", "u.search_name LIKE $1", arabicName),
        search("rare name", rareUser.name, "u.search_name LIKE $1", await pattern(rareUser.name)),
        { name: "role vendor + 'متجر'", params: { role: "vendor", q: "متجر" }, where: `u.role = 'vendor' AND u.search_name LIKE $1`, values: [vendorWord] },
      ],
    },
    {
      name: "products",
      declaration: productsList,
      source: productsSource,
      filters: [
        { name: "no filter", params: {}, where: "TRUE", values: [] },
        { name: "vendor", params: { vendor: busyVendor.id }, where: "p.vendor_id = $1", values: [busyVendor.id] },
        { name: "with sessions", params: { withSessions: true }, where: "EXISTS (SELECT 1 FROM chat_sessions s WHERE s.product_id = p.id)", values: [] },
        { name: "with unread", params: { withUnread: true }, where: "EXISTS (SELECT 1 FROM chat_sessions s WHERE s.product_id = p.id AND s.unread_count > 0)", values: [] },
        search("'watch'", "watch", "(p.search_name LIKE $1 OR v.search_name LIKE $1)", await pattern("watch")),
        search("rare name", rareProduct.name, "(p.search_name LIKE $1 OR v.search_name LIKE $1)", await pattern(rareProduct.name)),
        {
          name: "vendor + 'watch'",
          params: { vendor: busyVendor.id, q: "watch" },
          where: "p.vendor_id = $1 AND (p.search_name LIKE $2 OR v.search_name LIKE $2)",
          values: [busyVendor.id, await pattern("watch")],
        },
      ],
    },
    {
      name: "orders",
      declaration: ordersList,
      source: ordersSource,
      filters: [
        { name: "no filter", params: {}, where: "TRUE", values: [] },
        { name: "status paid", params: { status: "paid" }, where: `o.status = 'paid'`, values: [] },
        { name: "customer", params: { customer: busyOrderCustomer.id }, where: "o.customer_id = $1", values: [busyOrderCustomer.id] },
        { name: "vendor", params: { vendor: busyOrderVendor.id }, where: "o.vendor_id = $1", values: [busyOrderVendor.id] },
        lastDays(7, "o.created_at"),
        search("'يوسف'", "يوسف", "(c.search_name LIKE $1 OR v.search_name LIKE $1)", arabicName),
        { name: "status paid + vendor", params: { status: "paid", vendor: busyOrderVendor.id }, where: `o.status = 'paid' AND o.vendor_id = $1`, values: [busyOrderVendor.id] },
      ],
    },
    {
      name: "audit log",
      declaration: auditList,
      source: auditSource,
      filters: [
        { name: "no filter", params: {}, where: "TRUE", values: [] },
        { name: `action ${commonAction}`, params: { action: commonAction }, where: "a.action = $1", values: [commonAction] },
        { name: `action ${rareAction}`, params: { action: rareAction }, where: "a.action = $1", values: [rareAction] },
        { name: "actor", params: { actor: support.id }, where: "a.actor_id = $1", values: [support.id] },
        lastDays(30, "a.created_at"),
        {
          ...search(`actor's name '${support.name}'`, support.name, "u.search_name LIKE $1", await pattern(support.name)),
          walkWhere: "(SELECT w.search_name FROM users w WHERE w.id = a.actor_id) LIKE $1",
        },
        { name: `action ${rareAction} + actor`, params: { action: rareAction, actor: support.id }, where: "a.action = $1 AND a.actor_id = $2", values: [rareAction, support.id] },
      ],
    },
  ];

  for (const section of sections) {
    if (only && !section.name.includes(only)) continue;
    const { count } = await one<{ count: string }>(`SELECT count(*) AS count FROM ${section.source.from.text}`);
    log(`\n${section.name} (${count} rows)`);
    const defaults = defaultState(section.declaration as never) as Record<string, unknown>;
    const rows = await runMatrix(clients, matrixSource(section.source), section.source.sortColumns, section.filters, (sort, dir, params) =>
      listPage(section.declaration as never, section.source as never, { ...defaults, ...params, sort, dir } as never),
    );
    printMatrix(rows);
  }
}
