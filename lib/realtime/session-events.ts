import "server-only";
import { db } from "@/lib/db";
import { publishEvent } from "./bus";

const MAX_EVENTS = 200;

/** Tells every instance that these sessions changed ("read" or "session"); beyond 200, one refresh for staff. */
export async function publishSessionsChanged(type: "read" | "session", sessions: { id: number; customerId: number; vendorId: number }[]): Promise<void> {
  if (sessions.length > MAX_EVENTS) {
    await publishEvent({ type, sessionId: 0, participants: [] });
    return;
  }
  await Promise.all(sessions.map((s) => publishEvent({ type, sessionId: s.id, participants: [s.customerId, s.vendorId] })));
}

export async function participantsOf(sessionIds: number[]) {
  return db.chatSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, customerId: true, vendorId: true } });
}
