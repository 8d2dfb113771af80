/**
 * What travels between server instances: ids only. A listener fetches what its user may see.
 * `participants` are the customer and vendor of the session, so a participant's stream can
 * keep to its own sessions; staff streams take every event.
 */
export type ChatEvent =
  | { type: "message"; sessionId: number; messageId: number; senderId: number; participants: number[]; notification: { id: number; userId: number } | null }
  | { type: "read"; sessionId: number; participants: number[] }
  | { type: "session"; sessionId: number; participants: number[] }
  | { type: "settings" }
  /** A bearer token of this user was revoked: that token's open streams end. Never forwarded. */
  | { type: "revoked"; userId: number };

export const CHANNEL = "chat_events";
