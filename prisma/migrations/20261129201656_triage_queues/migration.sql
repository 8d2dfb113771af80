-- CreateEnum
CREATE TYPE "AwaitingSide" AS ENUM ('none', 'vendor', 'customer');

-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "read_by_staff_id" INTEGER;

-- AlterTable
ALTER TABLE "chat_sessions" ADD COLUMN     "awaiting" "AwaitingSide" NOT NULL DEFAULT 'none',
ADD COLUMN     "awaiting_since" TIMESTAMPTZ(3),
ADD COLUMN     "unread_for_customer" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unread_for_vendor" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "chat_messages_read_by_staff_id_idx" ON "chat_messages"("read_by_staff_id");

-- CreateIndex
CREATE INDEX "chat_sessions_awaiting_awaiting_since_id_idx" ON "chat_sessions"("awaiting", "awaiting_since", "id");

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_read_by_staff_id_fkey" FOREIGN KEY ("read_by_staff_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (triage queues, issue 19): who owes the next reply, since when, and unread per side,
-- kept by the message triggers in the writer's transaction, like the counters (init migration).
-- A message's side is its sender's seat in the session: sent by the customer, the vendor owes the
-- reply (and it is unread for the vendor); sent by the vendor, the customer owes it. A message
-- from anyone else (a former participant of a session whose seat changed) counts for neither side.

-- Longest waiting first over every queue: sessions nobody owes a reply sort after every waiting one,
-- at the last millisecond a cursor can name (a keyset seek cannot compare NULLs, and a cursor holds an
-- ISO time); lib/chat-sessions/waiting.ts names the same expression.
CREATE INDEX "chat_sessions_waiting_sort_idx" ON "chat_sessions" ((coalesce("awaiting_since", '9999-12-31T23:59:59.999Z'::timestamptz)), "id");

-- Who owes the reply in one session and since when, from its messages: the side that did not send
-- the newest message, since the first message of the newest unanswered run. Three index seeks on
-- chat_messages(session_id, created_at, id), the order the conversation is shown in.
CREATE OR REPLACE FUNCTION session_awaiting(target_session int, customer int, vendor int,
  OUT awaiting "AwaitingSide", OUT since timestamptz) LANGUAGE plpgsql STABLE AS $$
DECLARE
  last_sender int;
  answered_at timestamptz;
  answered_id int;
BEGIN
  SELECT m.sender_id INTO last_sender FROM chat_messages m
   WHERE m.session_id = target_session AND m.sender_id IN (customer, vendor)
   ORDER BY m.created_at DESC, m.id DESC LIMIT 1;
  IF last_sender IS NULL THEN
    awaiting := 'none';
    since := NULL;
    RETURN;
  END IF;
  awaiting := CASE WHEN last_sender = customer THEN 'vendor' ELSE 'customer' END;
  SELECT m.created_at, m.id INTO answered_at, answered_id FROM chat_messages m
   WHERE m.session_id = target_session AND m.sender_id IN (customer, vendor) AND m.sender_id <> last_sender
   ORDER BY m.created_at DESC, m.id DESC LIMIT 1;
  SELECT m.created_at INTO since FROM chat_messages m
   WHERE m.session_id = target_session AND m.sender_id = last_sender
     AND (answered_id IS NULL OR (m.created_at, m.id) > (answered_at, answered_id))
   ORDER BY m.created_at, m.id LIMIT 1;
END $$;

-- Stores session_awaiting for the given sessions; the callers hold their rows locked already.
CREATE OR REPLACE FUNCTION refresh_awaiting(session_ids int[]) RETURNS void LANGUAGE sql AS $$
  UPDATE chat_sessions s SET awaiting = t.awaiting, awaiting_since = t.since
    FROM chat_sessions c CROSS JOIN LATERAL session_awaiting(c.id, c.customer_id, c.vendor_id) t
   WHERE c.id = ANY(session_ids) AND s.id = c.id
     AND (s.awaiting, s.awaiting_since) IS DISTINCT FROM (t.awaiting, t.since);
$$;

-- The sessions' rows, locked in id order before their participants are read for the per-side
-- deltas (a concurrent change of seat waits, or has committed and is what is read).
CREATE OR REPLACE FUNCTION lock_chat_sessions(session_ids int[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM chat_sessions WHERE id = ANY(session_ids) ORDER BY id FOR NO KEY UPDATE;
$$;

CREATE OR REPLACE FUNCTION apply_message_deltas(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- deltas: [{session_id, messages, unread, unread_vendor, unread_customer, newest}]; newest only for inserts.
  -- Rows are locked in one global order (sessions by id, then slots) so writers never deadlock.
  PERFORM 1 FROM chat_sessions
   WHERE id IN (SELECT x.session_id FROM jsonb_to_recordset(deltas) AS x(session_id int))
   ORDER BY id FOR NO KEY UPDATE;
  UPDATE chat_sessions s
     SET message_count = s.message_count + d.messages,
         unread_count = s.unread_count + d.unread,
         unread_for_vendor = s.unread_for_vendor + coalesce(d.unread_vendor, 0),
         unread_for_customer = s.unread_for_customer + coalesce(d.unread_customer, 0),
         last_message_at = GREATEST(s.last_message_at, d.newest)
    FROM jsonb_to_recordset(deltas) AS d(session_id int, messages int, unread int, unread_vendor int, unread_customer int, newest timestamptz)
   WHERE s.id = d.session_id;

  PERFORM 1 FROM unread_totals
   WHERE slot IN (SELECT x.session_id % 16 FROM jsonb_to_recordset(deltas) AS x(session_id int, unread int)
                   WHERE x.unread <> 0)
   ORDER BY slot FOR NO KEY UPDATE;
  UPDATE unread_totals u SET total = u.total + t.unread
    FROM (SELECT x.session_id % 16 AS slot, sum(x.unread) AS unread
            FROM jsonb_to_recordset(deltas) AS x(session_id int, unread int) GROUP BY 1) t
   WHERE u.slot = t.slot AND t.unread <> 0;
END $$;

CREATE OR REPLACE FUNCTION chat_messages_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched int[] := ARRAY(SELECT DISTINCT session_id FROM new_rows);
BEGIN
  PERFORM lock_chat_sessions(touched);
  PERFORM apply_message_deltas(coalesce(jsonb_agg(row_to_json(d)), '[]'::jsonb)) FROM (
    SELECT n.session_id, count(*) AS messages, count(*) FILTER (WHERE n.read_at IS NULL) AS unread,
           count(*) FILTER (WHERE n.read_at IS NULL AND n.sender_id = s.customer_id) AS unread_vendor,
           count(*) FILTER (WHERE n.read_at IS NULL AND n.sender_id = s.vendor_id) AS unread_customer,
           max(n.created_at) AS newest
    FROM new_rows n JOIN chat_sessions s ON s.id = n.session_id GROUP BY n.session_id
  ) d;
  PERFORM refresh_awaiting(touched);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION chat_messages_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A count, not EXISTS: the planner runs EXISTS over the two transition tables as a nested loop
  -- (O(n²): 87 s for a 20,000-message bulk change on 2 cores), the count as a hash join (0.5 s).
  IF (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.session_id <> o.session_id) > 0 THEN
    RAISE EXCEPTION 'a message cannot move to another session';
  END IF;
  PERFORM lock_chat_sessions(ARRAY(SELECT DISTINCT session_id FROM new_rows));
  PERFORM apply_message_deltas(coalesce(jsonb_agg(row_to_json(d)), '[]'::jsonb)) FROM (
    SELECT n.session_id, 0 AS messages,
           count(*) FILTER (WHERE n.read_at IS NULL) - count(*) FILTER (WHERE o.read_at IS NULL) AS unread,
           count(*) FILTER (WHERE n.read_at IS NULL AND n.sender_id = s.customer_id)
             - count(*) FILTER (WHERE o.read_at IS NULL AND o.sender_id = s.customer_id) AS unread_vendor,
           count(*) FILTER (WHERE n.read_at IS NULL AND n.sender_id = s.vendor_id)
             - count(*) FILTER (WHERE o.read_at IS NULL AND o.sender_id = s.vendor_id) AS unread_customer
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN chat_sessions s ON s.id = n.session_id
    GROUP BY n.session_id
  ) d WHERE d.unread <> 0 OR d.unread_vendor <> 0 OR d.unread_customer <> 0;
  -- Another sender or sent time can change who owes the reply; marking read never does.
  PERFORM refresh_awaiting(ARRAY(SELECT DISTINCT n.session_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                                  WHERE n.sender_id <> o.sender_id OR n.created_at <> o.created_at));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION chat_messages_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched int[] := ARRAY(SELECT DISTINCT session_id FROM old_rows);
BEGIN
  PERFORM lock_chat_sessions(touched);
  -- A session deleted with its messages (the cascade) is gone already: its per-side counts go with
  -- it, its unread still leaves the badge total.
  PERFORM apply_message_deltas(coalesce(jsonb_agg(row_to_json(d)), '[]'::jsonb)) FROM (
    SELECT o.session_id, -count(*) AS messages, -count(*) FILTER (WHERE o.read_at IS NULL) AS unread,
           -count(*) FILTER (WHERE o.read_at IS NULL AND o.sender_id = s.customer_id) AS unread_vendor,
           -count(*) FILTER (WHERE o.read_at IS NULL AND o.sender_id = s.vendor_id) AS unread_customer
    FROM old_rows o LEFT JOIN chat_sessions s ON s.id = o.session_id GROUP BY o.session_id
  ) d;
  -- Deleting the newest message moves last_message_at back to the newest one left;
  -- a session left with no message keeps the time it had.
  UPDATE chat_sessions s
     SET last_message_at = COALESCE(
       (SELECT max(m.created_at) FROM chat_messages m WHERE m.session_id = s.id), s.last_message_at)
   WHERE s.id = ANY(touched)
     AND s.last_message_at <= (SELECT max(o.created_at) FROM old_rows o WHERE o.session_id = s.id);
  PERFORM refresh_awaiting(touched);
  RETURN NULL;
END $$;

-- A session whose customer or vendor changes: its messages change sides.
CREATE OR REPLACE FUNCTION chat_sessions_after_seat_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE chat_sessions s
     SET unread_for_vendor = (SELECT count(*) FROM chat_messages m WHERE m.session_id = s.id AND m.read_at IS NULL AND m.sender_id = s.customer_id),
         unread_for_customer = (SELECT count(*) FROM chat_messages m WHERE m.session_id = s.id AND m.read_at IS NULL AND m.sender_id = s.vendor_id)
   WHERE s.id = NEW.id;
  PERFORM refresh_awaiting(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER chat_sessions_seat_change AFTER UPDATE OF customer_id, vendor_id ON chat_sessions
  FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.vendor_id IS DISTINCT FROM NEW.vendor_id)
  EXECUTE FUNCTION chat_sessions_after_seat_change();

-- Recomputes every counter from the messages: used after bulk loads (with triggers
-- off) and by `npm run check:counters -- --fix`.
CREATE OR REPLACE FUNCTION recompute_chat_counters() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH truth AS (
    SELECT s.id, coalesce(m.messages, 0) AS messages, coalesce(m.unread, 0) AS unread,
           coalesce(m.unread_vendor, 0) AS unread_vendor, coalesce(m.unread_customer, 0) AS unread_customer, m.newest
      FROM chat_sessions s
      LEFT JOIN (
        SELECT m.session_id, count(*)::int AS messages, (count(*) FILTER (WHERE m.read_at IS NULL))::int AS unread,
               (count(*) FILTER (WHERE m.read_at IS NULL AND m.sender_id = c.customer_id))::int AS unread_vendor,
               (count(*) FILTER (WHERE m.read_at IS NULL AND m.sender_id = c.vendor_id))::int AS unread_customer,
               max(m.created_at) AS newest
          FROM chat_messages m JOIN chat_sessions c ON c.id = m.session_id GROUP BY m.session_id
      ) m ON m.session_id = s.id
  )
  UPDATE chat_sessions s
     SET message_count = truth.messages, unread_count = truth.unread,
         unread_for_vendor = truth.unread_vendor, unread_for_customer = truth.unread_customer,
         last_message_at = GREATEST(s.last_message_at, truth.newest)
    FROM truth
   WHERE s.id = truth.id
     AND (s.message_count <> truth.messages OR s.unread_count <> truth.unread OR s.last_message_at < truth.newest
          OR s.unread_for_vendor <> truth.unread_vendor OR s.unread_for_customer <> truth.unread_customer);

  UPDATE chat_sessions s SET awaiting = t.awaiting, awaiting_since = t.since
    FROM chat_sessions c CROSS JOIN LATERAL session_awaiting(c.id, c.customer_id, c.vendor_id) t
   WHERE s.id = c.id AND (s.awaiting, s.awaiting_since) IS DISTINCT FROM (t.awaiting, t.since);

  UPDATE unread_totals u SET total = coalesce(t.unread, 0)
    FROM (SELECT g AS slot FROM generate_series(0, 15) AS g) slots
    LEFT JOIN (SELECT id % 16 AS slot, sum(unread_count)::int AS unread FROM chat_sessions GROUP BY 1) t
      ON t.slot = slots.slot
   WHERE u.slot = slots.slot;
END $$;

-- Existing sessions get their state from the messages they have; the planner then needs fresh
-- statistics of the new columns (without them the queue tabs' counts at 1M took p95 151 ms, after 10.5 ms).
SELECT recompute_chat_counters();
ANALYZE chat_sessions;
