"use client";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { StaffMember } from "@/lib/assignment/staff";
import { useT } from "@/lib/i18n/client";

export type AssignAbility = { me: number; assign: boolean; assignOthers: boolean; staff: StaffMember[] };

/**
 * Take, release, and (admins) give to anyone: for one session on its pages, or for the bulk
 * selection. `current` is the session's assignee when there is one session (undefined: many).
 */
export function AssignMenu({ ability, current, pending, onAssign }: { ability: AssignAbility; current?: number | null; pending: boolean; onAssign: (assigneeId: number | null) => void }) {
  const t = useT("team");
  const id = useId();
  if (!ability.assign) return null;
  const mine = current === ability.me;
  const heldByOther = current != null && !mine;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="assign-menu">
      {!mine && (!heldByOther || ability.assignOthers) ? (
        <Button disabled={pending} onClick={() => onAssign(ability.me)}>
          {t("assignToMe")}
        </Button>
      ) : null}
      {current !== null && (current === undefined || mine || ability.assignOthers) ? (
        <Button disabled={pending} onClick={() => onAssign(null)}>
          {t("release")}
        </Button>
      ) : null}
      {ability.assignOthers ? (
        <>
          <label htmlFor={id} className="sr-only">
            {t("assignTo")}
          </label>
          <select
            id={id}
            // As wide as its longest name, beside the buttons: a full-width select took a row of its own in the bulk bar.
            className={`${inputClass} w-auto`}
            disabled={pending}
            value=""
            onChange={(event) => {
              if (event.target.value) onAssign(Number(event.target.value));
            }}
          >
            <option value="">{t("assignTo")}</option>
            {ability.staff
              .filter((member) => member.id !== current)
              .map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
          </select>
        </>
      ) : null}
    </div>
  );
}
