import "server-only";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";

/** A participant reaches only sessions they take part in; any other id is "not found", never "forbidden". */
export async function requireMembership(userId: number, sessionId: number) {
  const session = await db.chatSession.findFirst({
    where: { id: sessionId, OR: [{ customerId: userId }, { vendorId: userId }] },
    select: { id: true, customerId: true, vendorId: true, productName: true, customerName: true, vendorName: true },
  });
  if (!session) throw new DomainError("not_found", "sessionNotFound");
  return session;
}

/** SET-1: when chat is turned off, participants' chat actions are refused. */
export async function requireChatEnabled(): Promise<void> {
  if (!(await isMobileChatEnabled())) throw new DomainError("chat_disabled", "chatDisabled");
}
