import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionSummaryTable } from "@/components/resource/session-summary-table";
import { buttonClass } from "@/components/ui/button";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { roleLabelKey } from "@/lib/roles";
import { getUser, sessionsOfUser } from "@/lib/users/queries";

/** REL-1: one user and the chat sessions they take part in. */
export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("users.view");
  const user = await getUser((await params).id);
  if (!user) notFound();
  const [t, shell, sessions] = await Promise.all([getTranslator("resources"), getTranslator("shell"), sessionsOfUser(user.id)]);
  const filter = user.role === "vendor" ? "vendor" : "customer";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("userTitle", { name: user.name })}</h1>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
        <dt className="font-medium">{t("email")}</dt>
        <dd dir="ltr" className="text-start">{user.email}</dd>
        <dt className="font-medium">{t("role")}</dt>
        <dd>{shell(roleLabelKey(user.role))}</dd>
      </dl>
      <SessionSummaryTable title={t("userSessions")} sessions={sessions} />
      <Link href={`/chat-sessions?${filter}=${user.id}`} className={buttonClass("secondary")}>
        {t("viewAllSessions")}
      </Link>
    </div>
  );
}
