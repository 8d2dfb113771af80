import { apiRoute, chatUser, parsed } from "@/lib/api/route";
import { idParam } from "@/lib/api/schemas";
import { markReadByRecipient } from "@/lib/participant-chat/read-receipts";

export const dynamic = "force-dynamic";

/** The messages sent to me in this session are read (the sender sees the receipt). */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await chatUser(request);
  return Response.json(await markReadByRecipient(user.id, parsed(idParam, (await params).id)));
});
