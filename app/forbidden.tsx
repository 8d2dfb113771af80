import type { Metadata } from "next";
import { MessagePage } from "@/components/shell/message-page";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("common"))("forbiddenTitle") };
}

/** Outside the panel (staff opening the participants' chat): answered 403. */
export default function Forbidden() {
  return <MessagePage title="forbiddenTitle" body="forbiddenPageBody" homeLink />;
}
