/**
 * What travels between server instances: ids only. A listener fetches what its user may see.
 * `participants` are the customer and vendor of the session, so a participant's stream can
 * keep to its own sessions; staff streams take every event. `events` pairs each participant with
 * the id of this change in their event log (user_events): their stream's SSE id. A change to
 * very many sessions at once travels as one event with session 0, no participants and no ids.
 */
export type UserEventIds = [userId: number, eventId: number][];

export type ChatEvent =
  | { type: "message"; sessionId: number; messageId: number; senderId: number; participants: number[]; notification: { id: number; userId: number } | null; events: UserEventIds }
  | { type: "read"; sessionId: number; participants: number[]; events: UserEventIds }
  | { type: "session"; sessionId: number; participants: number[]; events: UserEventIds }
  | { type: "settings" }
  /**
   * A change only staff may know of (a session's assignee, its private notes): staff streams
   * refresh, no participant's stream ever hears it, and nothing is logged for participants.
   * Session 0: many sessions at once.
   */
  | { type: "staff"; sessionId: number }
  /**
   * Who is looking at a session, or replying in it, on which instance (lib/presence/): held in
   * memory by every instance, never logged, never forwarded to any stream as it is.
   */
  | { type: "presence"; sessionId: number; userId: number; name: string; state: "viewing" | "replying" | "left"; instance: string }
  /** A bearer token or web session of this user was ended (or the user deleted): their streams check whether to end. Never forwarded. */
  | { type: "revoked"; userId: number };

export const CHANNEL = "chat_events";
