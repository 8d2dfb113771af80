import Link from "next/link";
import { defineResourceList } from "@/lib/resources/resource-definition";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { getTranslator, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { ROLES, roleLabelKey } from "@/lib/roles";
import { USER_SORTS, listUsers, userSortValue } from "@/lib/users/queries";
import { ExactTime } from "@/components/ui/relative-time";

/** REL-1: the users who take part in chats, and the staff. */
export const usersList = defineResourceList({
  path: "/users",
  permission: "users.view",
  sorts: USER_SORTS,
  defaultSort: "name",
  defaultDir: "asc",
  filters: ROLES,
  list: listUsers,
  sortValue: userSortValue,
  view: async ({ t, user, sortable }) => {
    const shell = await getTranslator("shell");
    return {
      filter: { label: t("role"), option: (role) => shell(roleLabelKey(role)) },
      actions: can(user.role, "users.manage") ? (
        <Link href="/users/new" className={buttonClass("primary")}>
          {t("newUser")}
        </Link>
      ) : null,
      columns: [
        { key: "name", header: t("name"), ...sortable("name"), cell: (row) => <Link href={`/users/${row.id}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">{row.name}</Link> },
        { key: "email", header: t("email"), cell: (row) => <span dir="ltr">{row.email}</span> },
        { key: "role", header: t("role"), cell: (row) => shell(roleLabelKey(row.role)) },
        { key: "sessions", header: t("sessions"), cell: (row) => <Badge tone="blue">{row.sessions}</Badge> },
        { key: "unread", header: t("unread"), cell: (row) => <Badge tone={row.unread > 0 ? "yellow" : "green"}>{row.unread}</Badge> },
        { key: "created", header: t("createdAt"), ...sortable("created"), cell: (row) => <ExactTime value={row.createdAt} /> },
      ],
    };
  },
  exportColumns: (t, locale) => {
    const shell = translatorFor(locale, "shell");
    return [
      { header: t("id"), value: (row) => row.id, kind: "number", width: 10 },
      { header: t("name"), value: (row) => row.name, kind: "text", width: 30 },
      { header: t("email"), value: (row) => row.email, kind: "text", width: 32 },
      { header: t("role"), value: (row) => shell(roleLabelKey(row.role)), kind: "text", width: 14 },
      { header: t("sessions"), value: (row) => row.sessions, kind: "number", width: 12 },
      { header: t("unread"), value: (row) => row.unread, kind: "number", width: 12 },
      { header: t("createdAt"), value: (row) => row.createdAt, kind: "date", width: 22 },
    ];
  },
});
