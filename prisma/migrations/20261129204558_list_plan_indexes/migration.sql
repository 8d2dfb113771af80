-- CreateIndex
CREATE INDEX "chat_sessions_unread_message_count_id_idx" ON "chat_sessions"("message_count", "id") WHERE (unread_count > 0);

-- CreateIndex
CREATE INDEX "chat_sessions_recent_times_idx" ON "chat_sessions"("last_message_at", "created_at", "updated_at", "id");
