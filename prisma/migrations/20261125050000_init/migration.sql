-- Trigram indexes for SEARCH-1 and the dropdown searches.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'support', 'qa', 'customer', 'vendor');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL,
    "search_name" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "vendor_id" INTEGER NOT NULL,
    "price" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "search_name" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "vendor_id" INTEGER NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'pending',
    "total" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_items" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "order_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_sessions" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "vendor_id" INTEGER NOT NULL,
    "order_id" INTEGER,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message_count" INTEGER NOT NULL DEFAULT 0,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "product_name" TEXT NOT NULL DEFAULT '',
    "customer_name" TEXT NOT NULL DEFAULT '',
    "vendor_name" TEXT NOT NULL DEFAULT '',
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chat_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_messages" (
    "id" SERIAL NOT NULL,
    "session_id" INTEGER NOT NULL,
    "sender_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "chat_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unread_totals" (
    "slot" INTEGER NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "unread_totals_pkey" PRIMARY KEY ("slot")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_id_idx" ON "users"("role", "id");

-- CreateIndex
CREATE INDEX "users_search_name_idx" ON "users" USING GIN ("search_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "products_vendor_id_idx" ON "products"("vendor_id");

-- CreateIndex
CREATE INDEX "products_search_name_idx" ON "products" USING GIN ("search_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "orders_customer_id_idx" ON "orders"("customer_id");

-- CreateIndex
CREATE INDEX "orders_vendor_id_idx" ON "orders"("vendor_id");

-- CreateIndex
CREATE INDEX "order_items_order_id_idx" ON "order_items"("order_id");

-- CreateIndex
CREATE INDEX "order_items_product_id_idx" ON "order_items"("product_id");

-- CreateIndex
CREATE INDEX "chat_sessions_last_message_at_id_idx" ON "chat_sessions"("last_message_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "chat_sessions_created_at_id_idx" ON "chat_sessions"("created_at", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_updated_at_id_idx" ON "chat_sessions"("updated_at", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_message_count_id_idx" ON "chat_sessions"("message_count", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_unread_count_id_idx" ON "chat_sessions"("unread_count", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_product_name_id_idx" ON "chat_sessions"("product_name", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_customer_name_id_idx" ON "chat_sessions"("customer_name", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_vendor_name_id_idx" ON "chat_sessions"("vendor_name", "id");

-- CreateIndex
CREATE INDEX "chat_sessions_customer_id_last_message_at_idx" ON "chat_sessions"("customer_id", "last_message_at" DESC);

-- CreateIndex
CREATE INDEX "chat_sessions_vendor_id_last_message_at_idx" ON "chat_sessions"("vendor_id", "last_message_at" DESC);

-- CreateIndex
CREATE INDEX "chat_sessions_product_id_last_message_at_idx" ON "chat_sessions"("product_id", "last_message_at" DESC);

-- CreateIndex
CREATE INDEX "chat_sessions_order_id_idx" ON "chat_sessions"("order_id");

-- CreateIndex
CREATE INDEX "chat_sessions_search_text_idx" ON "chat_sessions" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "chat_messages_session_id_created_at_id_idx" ON "chat_messages"("session_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "chat_messages_sender_id_idx" ON "chat_messages"("sender_id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "chat_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: search keys, name copies and the counters (Prisma does not model triggers).
-- Arabic-aware search key: lower case, no tashkeel or tatweel, one alef, ى→ي, ة→ه.
-- lib/search/normalize.ts implements the same rules for highlighting; a test keeps them equal.
CREATE OR REPLACE FUNCTION search_normalize(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(
    regexp_replace(lower(coalesce(input, '')), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
    'أإآٱىة',
    'اااايه'
  )
$$;

CREATE OR REPLACE FUNCTION users_set_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_name := search_normalize(NEW.name);
  RETURN NEW;
END $$;
CREATE TRIGGER users_search_name BEFORE INSERT OR UPDATE OF name ON users
  FOR EACH ROW EXECUTE FUNCTION users_set_search_name();

CREATE OR REPLACE FUNCTION products_set_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_name := search_normalize(NEW.name);
  RETURN NEW;
END $$;
CREATE TRIGGER products_search_name BEFORE INSERT OR UPDATE OF name ON products
  FOR EACH ROW EXECUTE FUNCTION products_set_search_name();

-- A session carries copies of its three names so the list sorts and searches through indexes.
CREATE OR REPLACE FUNCTION chat_sessions_copy_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT name INTO NEW.product_name FROM products WHERE id = NEW.product_id;
  SELECT name INTO NEW.customer_name FROM users WHERE id = NEW.customer_id;
  SELECT name INTO NEW.vendor_name FROM users WHERE id = NEW.vendor_id;
  NEW.search_text := search_normalize(concat_ws(' ', NEW.product_name, NEW.customer_name, NEW.vendor_name));
  RETURN NEW;
END $$;
CREATE TRIGGER chat_sessions_names BEFORE INSERT OR UPDATE OF product_id, customer_id, vendor_id ON chat_sessions
  FOR EACH ROW EXECUTE FUNCTION chat_sessions_copy_names();

CREATE OR REPLACE FUNCTION refresh_session_names_after_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'products' THEN
    UPDATE chat_sessions SET product_name = NEW.name,
      search_text = search_normalize(concat_ws(' ', NEW.name, customer_name, vendor_name))
    WHERE product_id = NEW.id;
  ELSE
    UPDATE chat_sessions SET customer_name = NEW.name,
      search_text = search_normalize(concat_ws(' ', product_name, NEW.name, vendor_name))
    WHERE customer_id = NEW.id;
    UPDATE chat_sessions SET vendor_name = NEW.name,
      search_text = search_normalize(concat_ws(' ', product_name, customer_name, NEW.name))
    WHERE vendor_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER products_rename AFTER UPDATE OF name ON products
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION refresh_session_names_after_rename();
CREATE TRIGGER users_rename AFTER UPDATE OF name ON users
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION refresh_session_names_after_rename();

-- Counters. One statement-level trigger per kind of change folds all affected rows
-- into one update per session (in id order, so concurrent writers cannot deadlock)
-- and one update per unread_totals slot. They run in the writer's transaction.
INSERT INTO unread_totals (slot, total) SELECT s, 0 FROM generate_series(0, 15) AS s;

CREATE OR REPLACE FUNCTION apply_message_deltas(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- deltas: [{session_id, messages, unread, newest}]; newest only for inserts.
  -- Rows are locked in one global order (sessions by id, then slots) so writers never deadlock.
  PERFORM 1 FROM chat_sessions
   WHERE id IN (SELECT x.session_id FROM jsonb_to_recordset(deltas) AS x(session_id int))
   ORDER BY id FOR NO KEY UPDATE;
  UPDATE chat_sessions s
     SET message_count = s.message_count + d.messages,
         unread_count = s.unread_count + d.unread,
         last_message_at = GREATEST(s.last_message_at, d.newest)
    FROM jsonb_to_recordset(deltas) AS d(session_id int, messages int, unread int, newest timestamptz)
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
BEGIN
  PERFORM apply_message_deltas(coalesce(jsonb_agg(row_to_json(d)), '[]'::jsonb)) FROM (
    SELECT session_id, count(*) AS messages, count(*) FILTER (WHERE read_at IS NULL) AS unread,
           max(created_at) AS newest
    FROM new_rows GROUP BY session_id
  ) d;
  RETURN NULL;
END $$;
CREATE TRIGGER chat_messages_counters_insert AFTER INSERT ON chat_messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_after_insert();

CREATE OR REPLACE FUNCTION chat_messages_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.session_id <> o.session_id) THEN
    RAISE EXCEPTION 'a message cannot move to another session';
  END IF;
  PERFORM apply_message_deltas(coalesce(jsonb_agg(row_to_json(d)), '[]'::jsonb)) FROM (
    SELECT n.session_id, 0 AS messages,
           count(*) FILTER (WHERE n.read_at IS NULL) - count(*) FILTER (WHERE o.read_at IS NULL) AS unread
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    GROUP BY n.session_id
  ) d WHERE d.unread <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER chat_messages_counters_update AFTER UPDATE ON chat_messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_after_update();

CREATE OR REPLACE FUNCTION chat_messages_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM apply_message_deltas(coalesce(jsonb_agg(row_to_json(d)), '[]'::jsonb)) FROM (
    SELECT session_id, -count(*) AS messages, -count(*) FILTER (WHERE read_at IS NULL) AS unread
    FROM old_rows GROUP BY session_id
  ) d;
  -- Deleting the newest message moves last_message_at back to the newest one left;
  -- a session left with no message keeps the time it had.
  UPDATE chat_sessions s
     SET last_message_at = COALESCE(
       (SELECT max(m.created_at) FROM chat_messages m WHERE m.session_id = s.id), s.last_message_at)
   WHERE s.id IN (SELECT DISTINCT session_id FROM old_rows)
     AND s.last_message_at <= (SELECT max(o.created_at) FROM old_rows o WHERE o.session_id = s.id);
  RETURN NULL;
END $$;
CREATE TRIGGER chat_messages_counters_delete AFTER DELETE ON chat_messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chat_messages_after_delete();

-- Recomputes every counter from the messages: used after bulk loads (with triggers
-- off) and by `npm run check:counters -- --fix`.
CREATE OR REPLACE FUNCTION recompute_chat_counters() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH truth AS (
    SELECT s.id, coalesce(m.messages, 0) AS messages, coalesce(m.unread, 0) AS unread, m.newest
      FROM chat_sessions s
      LEFT JOIN (
        SELECT session_id, count(*)::int AS messages, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread,
               max(created_at) AS newest
          FROM chat_messages GROUP BY session_id
      ) m ON m.session_id = s.id
  )
  UPDATE chat_sessions s
     SET message_count = truth.messages, unread_count = truth.unread,
         last_message_at = GREATEST(s.last_message_at, truth.newest)
    FROM truth
   WHERE s.id = truth.id
     AND (s.message_count <> truth.messages OR s.unread_count <> truth.unread OR s.last_message_at < truth.newest);

  UPDATE unread_totals u SET total = coalesce(t.unread, 0)
    FROM (SELECT g AS slot FROM generate_series(0, 15) AS g) slots
    LEFT JOIN (SELECT id % 16 AS slot, sum(unread_count)::int AS unread FROM chat_sessions GROUP BY 1) t
      ON t.slot = slots.slot
   WHERE u.slot = slots.slot;
END $$;
