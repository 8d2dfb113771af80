-- FLT-5 (last 7 days) sorted by created, updated or waiting time, alone or with FLT-4 (unread):
-- the list reads the matches first (lib/list-engine/plan.ts), and this index now holds all that
-- those reads look at, so they never touch the table: the waiting time (the waiting sort,
-- coalesce(awaiting_since, …)) and the unread count (FLT-4's test). Key columns rather than
-- INCLUDE, which schema.prisma cannot say. At 1M sessions (200,000 matches) FLT-5 + FLT-4
-- oldest-created first 266 → 20–133 ms, FLT-5 longest-waiting first 281 → 24–41 ms.
DROP INDEX "chat_sessions_recent_times_idx";
CREATE INDEX "chat_sessions_recent_times_idx" ON "chat_sessions"("last_message_at", "created_at", "updated_at", "id", "awaiting_since", "unread_count");
