-- A session's customer is a customer and its vendor a vendor, whoever writes the row (the panel's
-- form, the web chat, the API, a script). The user rows are read FOR KEY SHARE, the lock the
-- foreign keys take anyway: a concurrent role change (which locks its user FOR UPDATE, below)
-- either waits for this transaction, or has committed and its new role is the one read here.
CREATE OR REPLACE FUNCTION chat_sessions_check_roles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  customer_role "Role";
  vendor_role "Role";
BEGIN
  SELECT role INTO customer_role FROM users WHERE id = NEW.customer_id FOR KEY SHARE;
  SELECT role INTO vendor_role FROM users WHERE id = NEW.vendor_id FOR KEY SHARE;
  -- A missing user is the foreign key's error, not this one.
  IF customer_role IS DISTINCT FROM 'customer' AND customer_role IS NOT NULL THEN
    RAISE EXCEPTION 'chat session customer % is a %, not a customer', NEW.customer_id, customer_role
      USING ERRCODE = 'check_violation', CONSTRAINT = 'chat_sessions_customer_role';
  END IF;
  IF vendor_role IS DISTINCT FROM 'vendor' AND vendor_role IS NOT NULL THEN
    RAISE EXCEPTION 'chat session vendor % is a %, not a vendor', NEW.vendor_id, vendor_role
      USING ERRCODE = 'check_violation', CONSTRAINT = 'chat_sessions_vendor_role';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER chat_sessions_participant_roles BEFORE INSERT OR UPDATE OF customer_id, vendor_id ON chat_sessions
  FOR EACH ROW EXECUTE FUNCTION chat_sessions_check_roles();

-- The other side of the same rule: a user who sits in a session keeps the role of that seat.
-- FOR UPDATE (stronger than the UPDATE's own row lock) waits for any transaction that is adding
-- this user to a session (it holds FOR KEY SHARE), so the check below sees its session.
CREATE OR REPLACE FUNCTION users_check_session_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM users WHERE id = NEW.id FOR UPDATE;
  IF NEW.role <> 'customer' AND EXISTS (SELECT 1 FROM chat_sessions WHERE customer_id = NEW.id) THEN
    RAISE EXCEPTION 'user % is the customer of chat sessions and cannot become a %', NEW.id, NEW.role
      USING ERRCODE = 'check_violation', CONSTRAINT = 'chat_sessions_customer_role';
  END IF;
  IF NEW.role <> 'vendor' AND EXISTS (SELECT 1 FROM chat_sessions WHERE vendor_id = NEW.id) THEN
    RAISE EXCEPTION 'user % is the vendor of chat sessions and cannot become a %', NEW.id, NEW.role
      USING ERRCODE = 'check_violation', CONSTRAINT = 'chat_sessions_vendor_role';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_session_roles BEFORE UPDATE OF role ON users
  FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION users_check_session_roles();
