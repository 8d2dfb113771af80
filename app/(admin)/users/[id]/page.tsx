import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionsSection } from "@/app/(admin)/chat-sessions/sessions-section";
import { recordMetadata } from "@/components/resource/record-metadata";
import { ResourceDetails } from "@/components/resource/resource-details";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { buttonClass } from "@/components/ui/button";
import { DeleteUserButton } from "@/components/users/delete-user-button";
import { SignOutEverywhereButton } from "@/components/users/sign-out-everywhere-button";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { roleLabelKey } from "@/lib/roles";
import { getUser, getUserLinks } from "@/lib/users/queries";
import { ExactTime } from "@/components/ui/relative-time";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export const generateMetadata = recordMetadata("users.view", getUser, async (user) => (await getTranslator("resources"))("userTitle", { name: user.name }));

/** REL-1: one user and the chat sessions they take part in, in the sessions table, pre-filtered. */
export default async function UserPage({ params, searchParams }: Props) {
  const me = await requirePagePermission("users.view");
  const user = await getUser((await params).id);
  if (!user) notFound();
  const [t, shell, userWords, links] = await Promise.all([getTranslator("resources"), getTranslator("shell"), getTranslator("userForm"), getUserLinks(user.id)]);
  const manage = can(me.role, "users.manage");
  // Customers and vendors take part in sessions; staff only answer in them.
  const side = user.role === "customer" || user.role === "vendor" ? user.role : null;
  return (
    <ResourceDetails
      title={t("userTitle", { name: user.name })}
      actions={
        manage ? (
          <>
            <Link href={`/users/${user.id}/edit`} className={buttonClass("secondary")}>
              {userWords("edit")}
            </Link>
            <SignOutEverywhereButton user={{ id: user.id, name: user.name }} />
            {user.id !== me.id ? <DeleteUserButton user={{ id: user.id, name: user.name }} links={links} /> : null}
          </>
        ) : null
      }
      fields={[
        { label: t("email"), value: <span dir="ltr">{user.email}</span> },
        { label: t("role"), value: shell(roleLabelKey(user.role)) },
        { label: t("sessions"), value: <span className="tabular-nums">{links.sessions}</span> },
        { label: t("createdAt"), value: <ExactTime value={user.createdAt} /> },
      ]}
    >
      {side && can(me.role, "chatSessions.view") ? (
        <SessionsSection user={me} searchParams={await searchParams} scope={{ title: t("userSessions"), filter: { [side]: user.id } }} />
      ) : null}
    </ResourceDetails>
  );
}
