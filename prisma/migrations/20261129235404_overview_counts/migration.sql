-- AlterTable
ALTER TABLE "chat_sessions" ADD COLUMN     "converted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "message_day_counts" (
    "day" DATE NOT NULL,
    "slot" SMALLINT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "message_day_counts_pkey" PRIMARY KEY ("day","slot")
);

-- CreateTable
CREATE TABLE "vendor_awaiting_counts" (
    "vendor_id" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vendor_awaiting_counts_pkey" PRIMARY KEY ("vendor_id")
);

-- CreateTable
CREATE TABLE "session_first_replies" (
    "session_id" INTEGER NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds" INTEGER NOT NULL,

    CONSTRAINT "session_first_replies_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "first_reply_counts" (
    "week" DATE NOT NULL,
    "seconds" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "first_reply_counts_pkey" PRIMARY KEY ("week","seconds")
);

-- CreateTable
CREATE TABLE "conversion_week_counts" (
    "week" DATE NOT NULL,
    "vendor_id" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "converted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "conversion_week_counts_pkey" PRIMARY KEY ("week","vendor_id")
);

-- AddForeignKey
ALTER TABLE "session_first_replies" ADD CONSTRAINT "session_first_replies_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "chat_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (the overview, issue 18): every figure of the page at / read from an index or from
-- these counts, kept exact in the writer's transaction by triggers, like the counters (init).
-- Statement-level triggers see the changed rows as transition tables: one set of deltas a statement,
-- however many rows it touched. Count rows are written in key order (ORDER BY before ON CONFLICT),
-- after the sessions' rows, as the counters' triggers lock theirs.

-- The customer's first message in a session and the whole seconds to the vendor's first message
-- at or after it (null: no reply yet). Two index seeks on chat_messages(session_id, created_at, id).
CREATE OR REPLACE FUNCTION session_first_reply(target_session int, customer int, vendor int,
  OUT asked_at timestamptz, OUT seconds int) LANGUAGE sql STABLE AS $$
  SELECT a.created_at, round(extract(epoch FROM r.created_at - a.created_at))::int
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT m.created_at FROM chat_messages m WHERE m.session_id = target_session AND m.sender_id = customer
                        ORDER BY m.created_at, m.id LIMIT 1) a ON true
    LEFT JOIN LATERAL (SELECT m.created_at FROM chat_messages m WHERE m.session_id = target_session AND m.sender_id = vendor
                          AND m.created_at >= a.created_at ORDER BY m.created_at, m.id LIMIT 1) r ON true;
$$;

-- Stores session_first_reply of the given sessions in session_first_replies (a row only for a
-- session with a reply; gone sessions lose theirs).
CREATE OR REPLACE FUNCTION refresh_first_reply(session_ids int[]) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT c.id, f.asked_at, f.seconds
      FROM chat_sessions c CROSS JOIN LATERAL session_first_reply(c.id, c.customer_id, c.vendor_id) f
     WHERE c.id = ANY(session_ids) AND f.seconds IS NOT NULL),
  gone AS (
    DELETE FROM session_first_replies r WHERE r.session_id = ANY(session_ids) AND r.session_id NOT IN (SELECT id FROM fresh))
  INSERT INTO session_first_replies AS r (session_id, asked_at, seconds)
  SELECT id, asked_at, seconds FROM fresh ORDER BY id
  ON CONFLICT (session_id) DO UPDATE SET asked_at = EXCLUDED.asked_at, seconds = EXCLUDED.seconds
   WHERE (r.asked_at, r.seconds) IS DISTINCT FROM (EXCLUDED.asked_at, EXCLUDED.seconds);
$$;

-- The first replies' counts are kept to the precision the page shows (lib/overview/format.ts):
-- whole minutes under an hour, tenths of an hour under two days, tenths of a day after; so a week
-- holds at most ~830 keys up to a month however varied the replies (by whole second it could hold
-- tens of thousands at 1M sessions: 162 ms p50 at 25k keys), and its median is a small read.
CREATE OR REPLACE FUNCTION reply_bucket(seconds int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN seconds < 3600 THEN (seconds + 30) / 60 * 60
              WHEN seconds < 172800 THEN (seconds + 180) / 360 * 360
              ELSE (seconds + 4320) / 8640 * 8640 END;
$$;

-- Conversion: an order between the session's customer and vendor within 14 days of its start.
CREATE OR REPLACE FUNCTION session_converted(customer int, vendor int, opened timestamptz) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customer AND o.vendor_id = vendor
                    AND o.created_at >= opened AND o.created_at < opened + interval '14 days');
$$;

-- What each count table should hold, counted afresh from the messages, sessions and orders: the
-- drift check's truth (lib/overview/overview-drift.ts) and the rebuild's source. Zero counts are absent.
CREATE OR REPLACE VIEW message_day_counts_truth AS
  SELECT (created_at AT TIME ZONE 'UTC')::date AS day, (session_id % 16)::smallint AS slot, count(*)::int AS messages
    FROM chat_messages GROUP BY 1, 2;
CREATE OR REPLACE VIEW vendor_awaiting_counts_truth AS
  SELECT vendor_id, count(*)::int AS sessions FROM chat_sessions WHERE awaiting = 'vendor' GROUP BY 1;
CREATE OR REPLACE VIEW first_reply_counts_truth AS
  SELECT date_trunc('week', f.asked_at AT TIME ZONE 'UTC')::date AS week, reply_bucket(f.seconds) AS seconds, count(*)::int AS sessions
    FROM chat_sessions c CROSS JOIN LATERAL session_first_reply(c.id, c.customer_id, c.vendor_id) f
   WHERE f.seconds IS NOT NULL GROUP BY 1, 2;
CREATE OR REPLACE VIEW conversion_week_counts_truth AS
  SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week, vendor_id, count(*)::int AS sessions,
         (count(*) FILTER (WHERE session_converted(customer_id, vendor_id, created_at)))::int AS converted
    FROM chat_sessions GROUP BY 1, 2;

-- Recomputes the sessions' conversion and first reply, and every count table: after bulk loads
-- with triggers off (the seeds) and by check:counters --fix.
CREATE OR REPLACE FUNCTION recompute_overview_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE chat_sessions s SET converted = NOT s.converted
   WHERE s.converted <> session_converted(s.customer_id, s.vendor_id, s.created_at);
  DELETE FROM session_first_replies;
  INSERT INTO session_first_replies (session_id, asked_at, seconds)
  SELECT c.id, f.asked_at, f.seconds FROM chat_sessions c CROSS JOIN LATERAL session_first_reply(c.id, c.customer_id, c.vendor_id) f
   WHERE f.seconds IS NOT NULL;
  DELETE FROM message_day_counts;
  INSERT INTO message_day_counts SELECT * FROM message_day_counts_truth;
  DELETE FROM vendor_awaiting_counts;
  INSERT INTO vendor_awaiting_counts SELECT * FROM vendor_awaiting_counts_truth;
  DELETE FROM first_reply_counts;
  INSERT INTO first_reply_counts
  SELECT date_trunc('week', asked_at AT TIME ZONE 'UTC')::date, reply_bucket(seconds), count(*) FROM session_first_replies GROUP BY 1, 2;
  DELETE FROM conversion_week_counts;
  INSERT INTO conversion_week_counts
  SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date, vendor_id, count(*), count(*) FILTER (WHERE converted) FROM chat_sessions GROUP BY 1, 2;
END $$;

-- Existing rows get their figures before the triggers start keeping them.
SELECT recompute_overview_counts();

-- A session's conversion, set as it is written (the orders' triggers below keep it when orders change).
CREATE OR REPLACE FUNCTION chat_sessions_set_converted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.converted := session_converted(NEW.customer_id, NEW.vendor_id, NEW.created_at);
  RETURN NEW;
END $$;
CREATE TRIGGER chat_sessions_converted BEFORE INSERT OR UPDATE OF customer_id, vendor_id, created_at ON chat_sessions
  FOR EACH ROW EXECUTE FUNCTION chat_sessions_set_converted();

-- A session whose customer or vendor changes: its first reply is between other people.
CREATE OR REPLACE FUNCTION chat_sessions_seat_first_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_first_reply(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER chat_sessions_seat_first_reply AFTER UPDATE OF customer_id, vendor_id ON chat_sessions
  FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.vendor_id IS DISTINCT FROM NEW.vendor_id)
  EXECUTE FUNCTION chat_sessions_seat_first_reply();

-- The sessions' counts: each changed row leaves its old keys (-1) and joins its new ones (+1).
-- One function for the three events (a trigger with transition tables has one event): the rows
-- are read by EXECUTE, which sees the transition tables of the event that fired.
CREATE OR REPLACE FUNCTION chat_sessions_overview_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, vendor_id, awaiting, created_at, converted FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, vendor_id, awaiting, created_at, converted FROM old_rows'
    ELSE 'SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (-1, o.vendor_id, o.awaiting, o.created_at, o.converted),
                                       (1, n.vendor_id, n.awaiting, n.created_at, n.converted)) AS v(sign, vendor_id, awaiting, created_at, converted)
           WHERE (o.vendor_id, o.awaiting, o.created_at, o.converted) IS DISTINCT FROM (n.vendor_id, n.awaiting, n.created_at, n.converted)'
  END;
BEGIN
  EXECUTE format($sql$
    WITH changes AS MATERIALIZED (%s),
    awaiting AS (
      INSERT INTO vendor_awaiting_counts AS a (vendor_id, sessions)
      SELECT vendor_id, sum(sign) FROM changes WHERE awaiting = 'vendor'
       GROUP BY 1 HAVING sum(sign) <> 0 ORDER BY 1
      ON CONFLICT (vendor_id) DO UPDATE SET sessions = a.sessions + EXCLUDED.sessions)
    INSERT INTO conversion_week_counts AS c (week, vendor_id, sessions, converted)
    SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date, vendor_id, sum(sign), coalesce(sum(sign) FILTER (WHERE converted), 0) FROM changes
     GROUP BY 1, 2 HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE converted), 0) <> 0 ORDER BY 1, 2
    ON CONFLICT (week, vendor_id) DO UPDATE SET sessions = c.sessions + EXCLUDED.sessions, converted = c.converted + EXCLUDED.converted
  $sql$, changes);
  RETURN NULL;
END $$;
CREATE TRIGGER chat_sessions_overview_insert AFTER INSERT ON chat_sessions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_sessions_overview_counts();
CREATE TRIGGER chat_sessions_overview_update AFTER UPDATE ON chat_sessions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_sessions_overview_counts();
CREATE TRIGGER chat_sessions_overview_delete AFTER DELETE ON chat_sessions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_sessions_overview_counts();

-- The first replies' counts by week and reply_bucket, the same way.
CREATE OR REPLACE FUNCTION session_first_replies_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, asked_at, seconds FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, asked_at, seconds FROM old_rows'
    ELSE 'SELECT -1 AS sign, asked_at, seconds FROM old_rows UNION ALL SELECT 1, asked_at, seconds FROM new_rows'
  END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO first_reply_counts AS r (week, seconds, sessions)
    SELECT date_trunc('week', asked_at AT TIME ZONE 'UTC')::date, reply_bucket(seconds), sum(sign) FROM (%s) c
     GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (week, seconds) DO UPDATE SET sessions = r.sessions + EXCLUDED.sessions
  $sql$, changes);
  RETURN NULL;
END $$;
CREATE TRIGGER session_first_replies_insert AFTER INSERT ON session_first_replies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_first_replies_counts();
CREATE TRIGGER session_first_replies_update AFTER UPDATE ON session_first_replies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_first_replies_counts();
CREATE TRIGGER session_first_replies_delete AFTER DELETE ON session_first_replies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION session_first_replies_counts();

-- The messages' counts per day, and the first reply of the sessions a change can move: a new
-- message at or before the session's first reply (or in one without a reply yet), a deleted one at
-- or before it (a deletion never makes a reply), another sender or sent time.
CREATE OR REPLACE FUNCTION chat_messages_overview_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, session_id, created_at FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, session_id, created_at FROM old_rows'
    ELSE 'SELECT v.* FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (-1, o.session_id, o.created_at), (1, n.session_id, n.created_at)) AS v(sign, session_id, created_at)
           WHERE o.created_at <> n.created_at'
  END;
  touched text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT DISTINCT n.session_id FROM new_rows n LEFT JOIN session_first_replies r ON r.session_id = n.session_id
                         WHERE r.session_id IS NULL OR n.created_at <= r.asked_at + make_interval(secs => r.seconds)'
    WHEN 'DELETE' THEN 'SELECT DISTINCT o.session_id FROM old_rows o JOIN session_first_replies r ON r.session_id = o.session_id
                         WHERE o.created_at <= r.asked_at + make_interval(secs => r.seconds)'
    ELSE 'SELECT DISTINCT n.session_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.sender_id <> o.sender_id OR n.created_at <> o.created_at'
  END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO message_day_counts AS d (day, slot, messages)
    SELECT (created_at AT TIME ZONE 'UTC')::date, session_id %% 16, sum(sign) FROM (%s) c
     GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, slot) DO UPDATE SET messages = d.messages + EXCLUDED.messages
  $sql$, changes);
  EXECUTE format('SELECT refresh_first_reply(ARRAY(%s))', touched);
  RETURN NULL;
END $$;
CREATE TRIGGER chat_messages_overview_insert AFTER INSERT ON chat_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_overview_counts();
CREATE TRIGGER chat_messages_overview_update AFTER UPDATE ON chat_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_overview_counts();
CREATE TRIGGER chat_messages_overview_delete AFTER DELETE ON chat_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_overview_counts();

-- An order written, moved or deleted: the sessions of its customer and vendor (before and after)
-- get their conversion again.
CREATE OR REPLACE FUNCTION orders_overview_conversion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pairs text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT customer_id, vendor_id FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT customer_id, vendor_id FROM old_rows'
    ELSE 'SELECT customer_id, vendor_id FROM old_rows UNION SELECT customer_id, vendor_id FROM new_rows'
  END;
BEGIN
  EXECUTE format($sql$
    UPDATE chat_sessions s SET converted = NOT s.converted
     WHERE (s.customer_id, s.vendor_id) IN (%s)
       AND s.converted <> session_converted(s.customer_id, s.vendor_id, s.created_at)
  $sql$, pairs);
  RETURN NULL;
END $$;
CREATE TRIGGER orders_overview_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_overview_conversion();
CREATE TRIGGER orders_overview_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_overview_conversion();
CREATE TRIGGER orders_overview_delete AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_overview_conversion();

-- Emptying the sessions or the messages (the seeds, the tests' resets) empties their counts.
CREATE OR REPLACE FUNCTION chat_sessions_overview_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE vendor_awaiting_counts, first_reply_counts, conversion_week_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER chat_sessions_overview_truncate AFTER TRUNCATE ON chat_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION chat_sessions_overview_truncate();
CREATE OR REPLACE FUNCTION chat_messages_overview_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE message_day_counts;
  RETURN NULL;
END $$;
CREATE TRIGGER chat_messages_overview_truncate AFTER TRUNCATE ON chat_messages
  FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_overview_truncate();
