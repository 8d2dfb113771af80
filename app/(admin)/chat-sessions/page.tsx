import { getTranslator } from "@/lib/i18n/server";

export default async function ChatSessionsPage() {
  const t = await getTranslator("shell");
  return <h1 className="text-2xl font-semibold">{t("navChatSessions")}</h1>;
}
