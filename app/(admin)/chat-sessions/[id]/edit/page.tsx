import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionMessages } from "@/components/chat-sessions/messages/session-messages";
import { recordMetadata } from "@/components/resource/record-metadata";
import { SessionForm } from "@/components/session-form/session-form";
import { ExactTime } from "@/components/ui/relative-time";
import { requirePagePermission } from "@/lib/auth/current-user";
import { loadConversation } from "@/lib/chat-sessions/conversation";
import { getSessionDetail } from "@/lib/chat-sessions/session-detail";
import { SessionAssignee } from "@/components/assignment/session-assignee";
import { listAssignableStaff } from "@/lib/assignment/staff";
import { loadStaffTimeline } from "@/lib/session-notes/staff-timeline";
import { getTranslator } from "@/lib/i18n/server";
import { getEntityLabel } from "@/lib/lookups/search-entities";
import { can } from "@/lib/permissions";

export const generateMetadata = recordMetadata("chatSessions.view", getSessionDetail, async () => (await getTranslator("sessionForm"))("editTitle"));

/** ROW-2 and ROW-3: the session's details, and below them the messages section (MSG-1..7). */
export default async function EditChatSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("chatSessions.view");
  const session = await getSessionDetail((await params).id);
  if (!session) notFound();
  const [t, conversation, orderLabel, staffTimeline, staff] = await Promise.all([
    getTranslator("sessionForm"),
    loadConversation(session.id, null),
    session.orderId != null ? getEntityLabel("order", session.orderId) : null,
    loadStaffTimeline(session.id),
    listAssignableStaff(),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">
        {t("editTitle")} · {session.productName}
      </h1>
      {can(user.role, "chatSessions.edit") ? (
        <SessionForm
          mode="edit"
          initial={{
            id: session.id,
            productId: session.productId,
            customerId: session.customerId,
            vendorId: session.vendorId,
            orderId: session.orderId,
            lastMessageAt: session.lastMessageAt.toISOString(),
            updatedAt: session.updatedAt.toISOString(),
          }}
          labels={{ product: session.productName, customer: session.customerName, vendor: session.vendorName, order: orderLabel }}
        />
      ) : (
        <section aria-label={t("detailsTitle")} className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("readOnlyNotice")}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="font-medium">{t("product")}</dt>
            <dd>{session.productName}</dd>
            <dt className="font-medium">{t("customer")}</dt>
            <dd>{session.customerName}</dd>
            <dt className="font-medium">{t("vendor")}</dt>
            <dd>{session.vendorName}</dd>
            {session.orderId != null ? (
              <>
                <dt className="font-medium">{t("order")}</dt>
                <dd>
                  <Link href={`/orders/${session.orderId}`} className="text-blue-800 hover:underline dark:text-blue-300">
                    {orderLabel}
                  </Link>
                </dd>
              </>
            ) : null}
            <dt className="font-medium">{t("lastMessageAt")}</dt>
            <dd>
              <ExactTime value={session.lastMessageAt} />
            </dd>
          </dl>
        </section>
      )}
      <SessionAssignee sessionId={session.id} assignee={session.assignee} ability={{ me: user.id, assign: can(user.role, "chatSessions.assign"), assignOthers: can(user.role, "chatSessions.assignOthers"), staff }} />
      <SessionMessages session={session} conversation={conversation} staffTimeline={staffTimeline} user={user} />
    </div>
  );
}
