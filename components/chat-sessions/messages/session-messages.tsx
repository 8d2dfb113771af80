import type { ComponentProps } from "react";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { loadConversation } from "@/lib/chat-sessions/conversation";
import { can } from "@/lib/permissions";
import type { StaffTimelineEntry } from "@/lib/session-notes/staff-timeline";
import { MessagesManager } from "./messages-manager";

/** A session's messages section (MSG-1..7) on its pages, with what this user may do to them. */
export function SessionMessages({ session, conversation, staffTimeline, user }: {
  session: { id: number; customer: ComponentProps<typeof MessagesManager>["participants"][number]; vendor: ComponentProps<typeof MessagesManager>["participants"][number] };
  conversation: Awaited<ReturnType<typeof loadConversation>>;
  /** private notes and assignment changes (lib/session-notes/staff-timeline.ts) */
  staffTimeline: StaffTimelineEntry[];
  user: CurrentUser;
}) {
  return (
    <MessagesManager
      sessionId={session.id}
      participants={[session.customer, session.vendor]}
      initialMessages={conversation?.messages ?? []}
      initialOlderBeforeId={conversation?.olderBeforeId ?? null}
      can={{ reply: can(user.role, "messages.reply"), markRead: can(user.role, "messages.markRead"), delete: can(user.role, "messages.delete") }}
      staffTimeline={staffTimeline}
      noteAbility={{ me: user.id, write: can(user.role, "notes.write"), moderate: can(user.role, "notes.moderate") }}
    />
  );
}
