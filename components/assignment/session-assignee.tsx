"use client";
import { SessionPresence } from "@/components/presence/session-presence";
import { useT } from "@/lib/i18n/client";
import { AssignMenu, type AssignAbility } from "./assign-menu";
import { useAssign } from "./use-assign";

/** A session's assignee on its pages, with take / release / give to, and who else is on it now (issue 20). */
export function SessionAssignee({ sessionId, assignee, ability }: { sessionId: number; assignee: { id: number; name: string } | null; ability: AssignAbility }) {
  const t = useT("team");
  const { assign, pending } = useAssign();
  return (
    <section aria-label={t("assigneeLabel")} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900" data-testid="session-assignee">
      <span className="font-medium">{t("assigneeLabel")}:</span>
      <span dir="auto">{assignee ? assignee.name : t("unassigned")}</span>
      <AssignMenu ability={ability} current={assignee?.id ?? null} pending={pending} onAssign={(assigneeId) => assign({ ids: [sessionId] }, assigneeId)} />
      <SessionPresence sessionId={sessionId} me={ability.me} />
    </section>
  );
}
