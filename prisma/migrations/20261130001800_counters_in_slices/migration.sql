-- The recount of every counter from the messages, in slices of sessions (lo <= id < hi), so that
-- `npm run check:counters -- --fix` repairs a large database a slice per transaction: in one
-- statement, on 1M sessions / 10M messages, it held its row locks for more than 25 minutes
-- (writers of any session waited that long). recompute_chat_counters() is now every slice at once
-- followed by the badge total: what it did before, unchanged (the triage migration's backfill,
-- already applied, ran the one-statement version).
CREATE OR REPLACE FUNCTION recompute_chat_counters_between(lo int, hi int) RETURNS void LANGUAGE plpgsql AS $$
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
          FROM chat_messages m JOIN chat_sessions c ON c.id = m.session_id
         WHERE m.session_id >= lo AND m.session_id < hi
         GROUP BY m.session_id
      ) m ON m.session_id = s.id
     WHERE s.id >= lo AND s.id < hi
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
   WHERE s.id = c.id AND c.id >= lo AND c.id < hi
     AND (s.awaiting, s.awaiting_since) IS DISTINCT FROM (t.awaiting, t.since);
END $$;

-- The NAV-2 badge's 16 slots from the sessions' unread counts (after the slices).
CREATE OR REPLACE FUNCTION recompute_unread_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE unread_totals u SET total = coalesce(t.unread, 0)
    FROM (SELECT g AS slot FROM generate_series(0, 15) AS g) slots
    LEFT JOIN (SELECT id % 16 AS slot, sum(unread_count)::int AS unread FROM chat_sessions GROUP BY 1) t
      ON t.slot = slots.slot
   WHERE u.slot = slots.slot;
END $$;

-- Used after bulk loads (the seed) and in tests: the whole recount in the caller's transaction.
CREATE OR REPLACE FUNCTION recompute_chat_counters() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recompute_chat_counters_between(min(id), max(id) + 1) FROM chat_sessions;
  PERFORM recompute_unread_totals();
END $$;
