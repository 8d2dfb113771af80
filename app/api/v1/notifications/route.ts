import { apiRoute, chatUser } from "@/lib/api/route";
import { latestNotifications, unreadNotificationCount } from "@/lib/participant-chat/notifications";

export const dynamic = "force-dynamic";

/** FLOW-1: my latest notifications and how many are unread. */
export const GET = apiRoute(async (request: Request) => {
  const user = await chatUser(request);
  const [unread, notifications] = await Promise.all([unreadNotificationCount(user.id), latestNotifications(user.id)]);
  return Response.json({ unread, notifications });
});
