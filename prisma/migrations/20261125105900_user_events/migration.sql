-- CreateEnum
CREATE TYPE "UserEventKind" AS ENUM ('message', 'read', 'session');

-- CreateTable
CREATE TABLE "user_events" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" "UserEventKind" NOT NULL,
    "session_id" INTEGER NOT NULL,
    "message_id" INTEGER,
    "sender_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_events_user_id_id_idx" ON "user_events"("user_id", "id");

-- AddForeignKey
ALTER TABLE "user_events" ADD CONSTRAINT "user_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- SSE replay covers every event of a participant's stream (their messages in and out, read
-- receipts, session changes), not only the messages they are notified of: a user's events must
-- become visible in the order of their ids, so that "everything after Last-Event-ID" never skips
-- one that committed late. As notifications did until now: each insert first locks the user's
-- row (held until commit; NO KEY UPDATE, so foreign-key checks on that user are not blocked),
-- then draws its id. Writers insert a statement's events in user id order, so that two writers
-- always take their users' locks in one order.
CREATE OR REPLACE FUNCTION user_events_ordered_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM users WHERE id = NEW.user_id FOR NO KEY UPDATE;
  NEW.id := nextval(pg_get_serial_sequence('user_events', 'id'));
  RETURN NEW;
END $$;

CREATE TRIGGER user_events_ordered_id BEFORE INSERT ON user_events
  FOR EACH ROW EXECUTE FUNCTION user_events_ordered_id();

-- Notifications are no longer the stream's ids; their inserts stop locking the recipient, so that
-- a send's only user locks are its events', taken in user order.
DROP TRIGGER notifications_ordered_id ON notifications;
DROP FUNCTION notifications_ordered_id();
