import { apiRoute } from "@/lib/api/route";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";

export const dynamic = "force-dynamic";

/** SET-1: what the app needs to know before it shows chat. Public. */
export const GET = apiRoute(async () => Response.json({ mobileChatEnabled: await isMobileChatEnabled() }));
