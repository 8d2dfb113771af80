-- Issue 16: every list's sorts read in order from an index. Without one, a page with no filter
-- read and sorted the whole table for its 26 rows: at the bench's sizes the users list (sorted by
-- name by default, 200k users) took 117 ms of SQL, the products list 30 ms. The audit log's
-- (created_at DESC) index is replaced by (created_at, id), which serves both directions with the
-- id's tie-break, and (action, created_at, id) holds one action's entries in that order.

-- DropIndex
DROP INDEX "audit_log_created_at_idx";

-- CreateIndex
CREATE INDEX "audit_log_created_at_id_idx" ON "audit_log"("created_at", "id");

-- CreateIndex
CREATE INDEX "audit_log_action_created_at_id_idx" ON "audit_log"("action", "created_at", "id");

-- CreateIndex
CREATE INDEX "orders_created_at_id_idx" ON "orders"("created_at", "id");

-- CreateIndex
CREATE INDEX "orders_total_id_idx" ON "orders"("total", "id");

-- CreateIndex
CREATE INDEX "products_name_id_idx" ON "products"("name", "id");

-- CreateIndex
CREATE INDEX "products_price_id_idx" ON "products"("price", "id");

-- CreateIndex
CREATE INDEX "products_created_at_id_idx" ON "products"("created_at", "id");

-- CreateIndex
CREATE INDEX "users_name_id_idx" ON "users"("name", "id");

-- CreateIndex
CREATE INDEX "users_created_at_id_idx" ON "users"("created_at", "id");
