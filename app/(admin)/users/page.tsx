import type { Metadata } from "next";
import Link from "next/link";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { buttonClass } from "@/components/ui/button";
import { UsersView } from "@/components/users/users-view";
import { getTranslator } from "@/lib/i18n/server";
import { loadListPage } from "@/lib/list-engine/list-page";
import { can } from "@/lib/permissions";
import { usersList } from "@/lib/users/list";
import { usersSource } from "@/lib/users/list-source";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("usersTitle") };
}

/** REL-1: the users who take part in chats, and the staff. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user, view, columnsCookie, canExport } = await loadListPage(usersList, usersSource, await searchParams);
  const t = await getTranslator("resources");
  const canManage = can(user.role, "users.manage");
  const actions = canManage ? (
    <Link href="/users/new" className={buttonClass("primary")}>
      {t("newUser")}
    </Link>
  ) : null;
  return <UsersView view={view} columnsCookie={columnsCookie} canExport={canExport} canSignOut={canManage} actions={actions} />;
}
