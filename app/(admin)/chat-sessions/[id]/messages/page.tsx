import { redirect } from "next/navigation";

/** ROW-2 opens the edit page at its messages section, as Filament's relation manager does. */
export default async function ManageMessagesPage({ params }: { params: Promise<{ id: string }> }) {
  redirect(`/chat-sessions/${encodeURIComponent((await params).id)}/edit#messages`);
}
