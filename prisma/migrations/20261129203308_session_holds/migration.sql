-- CreateTable
CREATE TABLE "session_holds" (
    "session_id" INTEGER NOT NULL,
    "holder_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_holds_pkey" PRIMARY KEY ("session_id")
);

-- CreateIndex
CREATE INDEX "session_holds_holder_id_idx" ON "session_holds"("holder_id");

-- AddForeignKey
ALTER TABLE "session_holds" ADD CONSTRAINT "session_holds_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "chat_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_holds" ADD CONSTRAINT "session_holds_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
