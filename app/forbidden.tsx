import type { Metadata } from "next";
import { MessagePage } from "@/components/shell/message-page";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("common"))("forbiddenTitle") };
}

/** Outside the panel (staff opening the participants' chat): answered 403. */
export default async function Forbidden() {
  const t = await getTranslator("common");
  return <MessagePage title={t("forbiddenTitle")} body={t("forbiddenPageBody")} homeLink />;
}
