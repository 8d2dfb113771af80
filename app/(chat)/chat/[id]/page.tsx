import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChatConversation } from "@/components/participant-chat/chat-conversation";
import { requirePagePermission } from "@/lib/auth/current-user";
import { loadParticipantConversation } from "@/lib/chat-sessions/conversation";
import { getTranslator } from "@/lib/i18n/server";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("chat");
  return { title: t("title") };
}

/** One conversation, as its customer or vendor sees it. Someone else's session is "not found". */
export default async function ChatPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("chat.participate");
  const id = parseRouteId((await params).id);
  const session =
    id !== null
      ? await db.chatSession.findFirst({ where: { id, OR: [{ customerId: user.id }, { vendorId: user.id }] }, select: { id: true, productName: true, customerId: true, customerName: true, vendorName: true } })
      : null;
  if (!session) notFound();
  const [t, conversation] = await Promise.all([getTranslator("chat"), loadParticipantConversation(session.id, null)]);
  const otherName = session.customerId === user.id ? session.vendorName : session.customerName;
  return (
    <div className="flex h-full flex-col gap-3">
      <div>
        <Link href="/chat" className="text-sm text-blue-800 hover:underline dark:text-blue-300">
          {t("back")}
        </Link>
        <h1 className="truncate text-lg font-semibold">{session.productName}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("with", { name: otherName })}</p>
      </div>
      <ChatConversation sessionId={session.id} me={user.id} newestFirst={conversation.messages} olderBeforeId={conversation.olderBeforeId} />
    </div>
  );
}
