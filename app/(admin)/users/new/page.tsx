import type { Metadata } from "next";
import { UserForm } from "@/components/users/user-form";
import { requirePagePermission } from "@/lib/auth/current-user";
import { titleOfGuardedPage } from "@/lib/auth/page-title";
import { getTranslator } from "@/lib/i18n/server";

export const generateMetadata = (): Promise<Metadata> => titleOfGuardedPage("users.manage", async () => (await getTranslator("userForm"))("newTitle"));

export default async function NewUserPage() {
  await requirePagePermission("users.manage");
  const t = await getTranslator("userForm");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <UserForm mode="create" />
    </div>
  );
}
