import "server-only";

/** FLOW-1: a participant has a new, unread message (what a push would say). Ids only. */
export type NewMessageNotice = { notificationId: number; userId: number; sessionId: number; messageId: number; senderId: number };

/**
 * The seam for production push. Stored notifications (table `notifications`) and the SSE
 * stream already reach the web chat and an app in the foreground; a channel registered here is
 * called once per notification, on the instance that committed the message, after the commit —
 * e.g. mobile push (FCM/APNs: look up the user's device tokens, send "new message from …") or
 * an email digest (queue a job that waits a few minutes and skips notifications read by then).
 * A channel must not block the sender: hand off to a queue and return.
 */
export type NotificationChannel = { name: string; deliver(notice: NewMessageNotice): Promise<void> };

const channels = new Map<string, NotificationChannel>();

export function registerNotificationChannel(channel: NotificationChannel): () => void {
  channels.set(channel.name, channel);
  return () => channels.delete(channel.name);
}

/** Hands the notice to every registered channel; a failing channel is logged, never thrown. */
export async function deliverNotification(notice: NewMessageNotice): Promise<void> {
  await Promise.all(
    [...channels.values()].map((channel) =>
      channel.deliver(notice).catch((error: unknown) => console.error(`notification channel ${channel.name} failed`, error)),
    ),
  );
}
