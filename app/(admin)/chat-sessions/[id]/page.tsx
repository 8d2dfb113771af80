import Link from "next/link";
import { notFound } from "next/navigation";
import { recordFields } from "@/components/list-engine/record-fields";
import { SessionMessages } from "@/components/chat-sessions/messages/session-messages";
import { recordMetadata } from "@/components/resource/record-metadata";
import { ResourceDetails } from "@/components/resource/resource-details";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { buttonClass } from "@/components/ui/button";
import { requirePagePermission } from "@/lib/auth/current-user";
import { loadConversation } from "@/lib/chat-sessions/conversation";
import { sessionsList, type SessionRow } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { getSessionDetail } from "@/lib/chat-sessions/session-detail";
import { SessionAssignee } from "@/components/assignment/session-assignee";
import { listAssignableStaff } from "@/lib/assignment/staff";
import { loadStaffTimeline } from "@/lib/session-notes/staff-timeline";
import { getLocale, getTranslator, uncheckedTranslatorFor } from "@/lib/i18n/server";
import { findListRow } from "@/lib/list-engine/find-row";
import { listReturnHref } from "@/lib/list-engine/return-href";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export const generateMetadata = recordMetadata("chatSessions.view", getSessionDetail, async (session) => (await getTranslator("chatSessions"))("sessionTitle", { id: session.id, product: session.productName }));

/**
 * A session's page, read-only: its fields as the list declares them (the same formatting), its
 * messages, a way back to the list with the search and filters the user came from (`from`), and
 * for editors a link to the edit page. Read-only roles land here from the list.
 */
export default async function ChatSessionPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("chatSessions.view");
  const session = await getSessionDetail((await params).id);
  if (!session) notFound();
  const [t, locale, row, conversation, staffTimeline, staff] = await Promise.all([
    getTranslator("chatSessions"),
    getLocale(),
    findListRow<SessionRow, keyof typeof sessionsList.sorts, typeof sessionsList.filters>(sessionsSource, session.id),
    loadConversation(session.id, null),
    loadStaffTimeline(session.id),
    listAssignableStaff(),
  ]);
  if (!row) notFound();
  const back = listReturnHref(sessionsList, (await searchParams).from);
  return (
    <ResourceDetails
      title={t("sessionTitle", { id: row.id, product: row.productName })}
      actions={
        <>
          <Link href={back} className={buttonClass("secondary")}>
            {t("backToList")}
          </Link>
          {can(user.role, "chatSessions.edit") ? (
            <Link href={`/chat-sessions/${row.id}/edit`} className={buttonClass("secondary")}>
              {t("actionEdit")}
            </Link>
          ) : null}
        </>
      }
      fields={recordFields(sessionsList.columns, row, {
        words: uncheckedTranslatorFor(locale, "chatSessions"),
        locale,
        cells: {
          product: (session) => <Link href={`/products/${session.productId}`} className="text-blue-800 hover:underline dark:text-blue-300" dir="auto">{session.productName}</Link>,
          customer: (session) => <Link href={`/users/${session.customerId}`} className="text-blue-800 hover:underline dark:text-blue-300" dir="auto">{session.customerName}</Link>,
          vendor: (session) => <Link href={`/users/${session.vendorId}`} className="text-blue-800 hover:underline dark:text-blue-300" dir="auto">{session.vendorName}</Link>,
        },
      })}
    >
      <SessionAssignee sessionId={session.id} assignee={session.assignee} ability={{ me: user.id, assign: can(user.role, "chatSessions.assign"), assignOthers: can(user.role, "chatSessions.assignOthers"), staff }} />
      <SessionMessages session={session} conversation={conversation} staffTimeline={staffTimeline} user={user} />
    </ResourceDetails>
  );
}
