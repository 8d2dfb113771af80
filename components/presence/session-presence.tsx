"use client";
import { PresenceAvatars, ReplyingNotice } from "./presence-avatars";
import { usePresence } from "./use-presence";

/** On a session's pages: this user counts as looking, and sees who else is, and who is replying. */
export function SessionPresence({ sessionId, me }: { sessionId: number; me: number }) {
  const presence = usePresence({ viewing: sessionId, watch: [] });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <PresenceAvatars viewers={presence[sessionId]} me={me} />
      <ReplyingNotice viewers={presence[sessionId]} me={me} />
    </div>
  );
}
