-- AlterTable
ALTER TABLE "chat_messages" ADD COLUMN     "written_by_staff_id" INTEGER;

-- CreateIndex
CREATE INDEX "chat_messages_written_by_staff_id_idx" ON "chat_messages"("written_by_staff_id");

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_written_by_staff_id_fkey" FOREIGN KEY ("written_by_staff_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
