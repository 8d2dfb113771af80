-- CreateTable
CREATE TABLE "send_rate_windows" (
    "user_id" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "sent" INTEGER NOT NULL,

    CONSTRAINT "send_rate_windows_pkey" PRIMARY KEY ("user_id")
);

-- AddForeignKey
ALTER TABLE "send_rate_windows" ADD CONSTRAINT "send_rate_windows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
