import type { Metadata } from "next";
import Link from "next/link";
import { ResourceTable } from "@/components/resource/resource-table";
import { Badge } from "@/components/ui/badge";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { parseResourceParams, resourceLinks } from "@/lib/resources/resource-params";
import { roleLabelKey } from "@/lib/roles";
import { USER_ROLES, USER_SORTS, listUsers } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("usersTitle") };
}

/** REL-1: the users who take part in chats, and the staff. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("users.view");
  const params = parseResourceParams(await searchParams, { sorts: USER_SORTS, filters: USER_ROLES, defaultSort: "name", defaultDir: "asc" });
  const [t, shell, { rows, hasMore }] = await Promise.all([getTranslator("resources"), getTranslator("shell"), listUsers(params)]);
  const { href, sortable, pages } = resourceLinks("/users", params, "asc");
  return (
    <ResourceTable
      title={t("usersTitle")}
      rows={rows}
      rowKey={(row) => row.id}
      search={{ value: params.q, label: t("usersSearch"), placeholder: t("usersSearch") }}
      filter={{ name: "filter", label: t("role"), value: params.filter, options: USER_ROLES.map((role) => ({ value: role, label: shell(roleLabelKey(role)) })) }}
      hidden={{ sort: params.sort, dir: params.dir }}
      empty={t("usersEmpty")}
      {...pages(hasMore)}
      columns={[
        { key: "name", header: t("name"), ...sortable("name"), cell: (row) => <Link href={`/users/${row.id}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">{row.name}</Link> },
        { key: "email", header: t("email"), cell: (row) => <span dir="ltr">{row.email}</span> },
        { key: "role", header: t("role"), cell: (row) => shell(roleLabelKey(row.role)) },
        { key: "sessions", header: t("sessions"), cell: (row) => <Badge tone="blue">{row.sessions}</Badge> },
        { key: "unread", header: t("unread"), cell: (row) => <Badge tone={row.unread > 0 ? "yellow" : "green"}>{row.unread}</Badge> },
        { key: "created", header: t("createdAt"), ...sortable("created"), cell: (row) => row.createdAt.toISOString().slice(0, 10) },
      ]}
    />
  );
}
