"use client";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { useT } from "@/lib/i18n/client";
import { roleLabelKey } from "@/lib/roles";

/** A message staff wrote in a participant's name says who wrote it: "sent by Sara (Support) on behalf of the vendor". */
export function WrittenByStaff({ writtenBy, side }: { writtenBy: ConversationMessage["writtenBy"]; side: "customer" | "vendor" }) {
  const t = useT("messages");
  const shell = useT("shell");
  if (!writtenBy) return null;
  return (
    <span className="block text-xs font-normal text-slate-600 dark:text-slate-400" data-testid="written-by-staff">
      {t(side === "customer" ? "writtenForCustomer" : "writtenForVendor", { name: writtenBy.name, role: shell(roleLabelKey(writtenBy.role)) })}
    </span>
  );
}
