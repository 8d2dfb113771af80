import type { Metadata } from "next";
import { SessionForm } from "@/components/session-form/session-form";
import { requirePagePermission } from "@/lib/auth/current-user";
import { titleOfGuardedPage } from "@/lib/auth/page-title";
import { getTranslator } from "@/lib/i18n/server";

export const generateMetadata = (): Promise<Metadata> => titleOfGuardedPage("chatSessions.create", async () => (await getTranslator("sessionForm"))("createTitle"));

export default async function NewChatSessionPage() {
  await requirePagePermission("chatSessions.create");
  const t = await getTranslator("sessionForm");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("createTitle")}</h1>
      <SessionForm mode="create" />
    </div>
  );
}
