-- The waiting sort (lib/chat-sessions/waiting.ts, WAITING_SORT_SQL) among unread sessions (FLT-4):
-- at 1M sessions the walk of chat_sessions_waiting_sort_idx passed ~48,000 read sessions before a
-- page of unread ones (the newest-waiting end is the sessions nobody waits on), 100–400 ms; this
-- partial index holds only the unread ones, in that order. Not expressible in schema.prisma (an
-- expression), like chat_sessions_waiting_sort_idx.
CREATE INDEX "chat_sessions_unread_waiting_sort_idx" ON "chat_sessions" ((coalesce("awaiting_since", '9999-12-31T23:59:59.999Z'::timestamptz)), "id") WHERE (unread_count > 0);
