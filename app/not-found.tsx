import type { Metadata } from "next";
import { MessagePage } from "@/components/shell/message-page";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("common"))("notFoundTitle") };
}

export default function NotFound() {
  return <MessagePage title="notFoundTitle" body="notFoundBody" homeLink />;
}
