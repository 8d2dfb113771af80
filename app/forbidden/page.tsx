import type { Metadata } from "next";
import { MessagePage } from "@/components/shell/message-page";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("common"))("errorTitle") };
}

export default async function ForbiddenPage() {
  const t = await getTranslator("common");
  return <MessagePage title={t("errorTitle")} body={t("forbidden")} homeLink />;
}
