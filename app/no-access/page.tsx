import { MessagePage } from "@/components/shell/message-page";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** Where customers and vendors land if they open the admin panel. */
export default async function NoAccessPage() {
  const t = await getTranslator("shell");
  return <MessagePage title={t("noPanelAccessTitle")} body={t("noPanelAccessBody")} signOut />;
}
