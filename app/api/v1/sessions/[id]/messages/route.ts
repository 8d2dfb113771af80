import { answerOncePerKey, apiJson, apiRoute, chatUser, jsonBody, parsed } from "@/lib/api/route";
import { idParam, messagesQuerySchema, sendMessageSchema } from "@/lib/api/schemas";
import { requireMembership } from "@/lib/participant-chat/membership";
import { loadParticipantConversation } from "@/lib/chat-sessions/conversation";
import { sendAsParticipant, sendInTransaction } from "@/lib/participant-chat/send-message";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ id: string }> };

/** A page of messages, newest first; `before` (a message id) goes further back. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const user = await chatUser(request);
  const sessionId = parsed(idParam, (await params).id);
  const { before } = parsed(messagesQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  await requireMembership(user.id, sessionId);
  const conversation = await loadParticipantConversation(sessionId, before ?? null);
  return Response.json({ messages: conversation.messages, nextBefore: conversation.olderBeforeId });
});

/** Sends a message as me; the other participant is notified (FLOW-1). Honours Idempotency-Key. */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const user = await chatUser(request);
  const sessionId = parsed(idParam, (await params).id);
  const { body } = await jsonBody(request, sendMessageSchema);
  const once = await answerOncePerKey(request, user.id, "POST /api/v1/sessions/{id}/messages", { sessionId, body }, async (tx) => {
    const { message, announce } = await sendInTransaction(tx, user.id, sessionId, body);
    return { status: 201, body: { message }, after: announce };
  });
  return once ?? apiJson({ message: await sendAsParticipant(user.id, sessionId, body) }, 201);
});
