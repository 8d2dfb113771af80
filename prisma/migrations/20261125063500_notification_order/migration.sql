-- FLOW-1 / SSE replay: a participant's notifications must become visible in the order of their
-- ids, so that "everything after Last-Event-ID" never skips one that committed late. Each insert
-- first takes a lock on the recipient's user row (held until commit; NO KEY UPDATE, so foreign-key
-- checks on that user are not blocked), then draws its id: for one recipient, ids are drawn and
-- committed one writer at a time. Writers to different recipients never wait on each other.
CREATE OR REPLACE FUNCTION notifications_ordered_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM users WHERE id = NEW.user_id FOR NO KEY UPDATE;
  NEW.id := nextval(pg_get_serial_sequence('notifications', 'id'));
  RETURN NEW;
END $$;

CREATE TRIGGER notifications_ordered_id BEFORE INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_ordered_id();
