"use client";
import type { Presence } from "@/lib/presence/presence-hub";
import { useT } from "@/lib/i18n/client";

/** The first letter of each of the first two words of a name (Arabic names too). */
function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? "")
    .join("")
    .toUpperCase();
}

/** The staff other than `me` looking at a session. */
export function othersLooking(viewers: Presence[] | undefined, me: number): Presence[] {
  return (viewers ?? []).filter((viewer) => viewer.userId !== me);
}

/** Who else is looking: small initials, the name on hover and for screen readers. */
export function PresenceAvatars({ viewers, me }: { viewers: Presence[] | undefined; me: number }) {
  const t = useT("team");
  const others = othersLooking(viewers, me);
  if (others.length === 0) return null;
  return (
    <ul className="inline-flex -space-x-1 rtl:space-x-reverse" aria-label={t("viewersLabel")} data-testid="presence">
      {others.map((viewer) => (
        <li key={viewer.userId} title={viewer.name} className="inline-flex h-6 w-6 items-center justify-center rounded-full border-2 border-white bg-indigo-700 text-[10px] font-semibold text-white dark:border-slate-900">
          <span aria-hidden="true">{initialsOf(viewer.name)}</span>
          <span className="sr-only">{t("viewing", { name: viewer.name })}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Sara is replying…" for every other staff member typing in the session. */
export function ReplyingNotice({ viewers, me }: { viewers: Presence[] | undefined; me: number }) {
  const t = useT("team");
  const replying = (viewers ?? []).filter((viewer) => viewer.replying && viewer.userId !== me);
  return (
    <p aria-live="polite" className="min-h-5 text-sm font-medium text-indigo-800 dark:text-indigo-300" data-testid="replying">
      {replying.map((viewer) => t("isReplying", { name: viewer.name })).join(" ")}
    </p>
  );
}
