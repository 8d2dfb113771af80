import { notFound } from "next/navigation";
import { recordMetadata } from "@/components/resource/record-metadata";
import { UserForm } from "@/components/users/user-form";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { getUser, getUserLinks } from "@/lib/users/queries";
import { isLinked } from "@/lib/users/link-rules";

export const generateMetadata = recordMetadata("users.manage", getUser, async (user) => (await getTranslator("userForm"))("editTitle", { name: user.name }));

/** REL-1: edit a user, or reset their password. */
export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePagePermission("users.manage");
  const user = await getUser((await params).id);
  if (!user) notFound();
  const [t, links] = await Promise.all([getTranslator("userForm"), getUserLinks(user.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("editTitle", { name: user.name })}</h1>
      <UserForm mode="edit" user={user} roleLocked={user.id === me.id || isLinked(links)} />
    </div>
  );
}
