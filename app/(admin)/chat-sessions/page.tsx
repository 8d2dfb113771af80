import type { Metadata } from "next";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { SessionsSection } from "@/app/(admin)/chat-sessions/sessions-section";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("chatSessions");
  return { title: t("title") };
}

/** LIST-1: every chat session, searched, filtered, sorted and paged on the server. */
export default async function ChatSessionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePagePermission("chatSessions.view");
  return <SessionsSection user={user} searchParams={await searchParams} />;
}
