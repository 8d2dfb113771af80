import { MessagePage } from "@/components/shell/message-page";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function ForbiddenPage() {
  const t = await getTranslator("common");
  return <MessagePage title={t("errorTitle")} body={t("forbidden")} homeLink />;
}
