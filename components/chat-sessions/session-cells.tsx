"use client";
import Link from "next/link";
import { useMemo } from "react";
import { Highlight } from "@/components/ui/highlight";
import { titleOnHover } from "@/components/ui/title-on-hover";
import type { SessionRow } from "@/lib/chat-sessions/list";
import { useLocale, useT } from "@/lib/i18n/client";
import { othersLooking, PresenceAvatars } from "@/components/presence/presence-avatars";
import type { PresenceMap } from "@/components/presence/use-presence";
import type { WaitingThresholds } from "@/lib/chat-sessions/waiting";
import { MessageCountBadge, UnreadCountBadge } from "./session-badges";
import { WaitingCell } from "./waiting-cell";

const PRODUCT_MAX = 30;

/**
 * COL-1: at most 30 characters, and the full name on hover (also for a name the cell's two lines
 * clip), written when the pointer arrives.
 */
function ProductLink({ id, name, term }: { id: number; name: string; term: string }) {
  return (
    <Link prefetch={false} href={`/products/${id}`} onMouseEnter={titleOnHover(() => name)}>
      <Highlight text={shortened(name)} term={term} />
    </Link>
  );
}

function shortened(name: string): string {
  // A name of at most 30 UTF-16 units has at most 30 characters: most names, counted no further.
  if (name.length <= PRODUCT_MAX) return name;
  const chars = Array.from(name);
  return chars.length > PRODUCT_MAX ? `${chars.slice(0, PRODUCT_MAX).join("")}…` : name;
}

/** REL-1: a participant's name leads to their user page (as the product's leads to its page). */
function PersonLink({ id, name, term }: { id: number; name: string; term: string }) {
  return (
    <Link prefetch={false} href={`/users/${id}`}>
      <Highlight text={name} term={term} />
    </Link>
  );
}

/** The sessions' own cells on the engine's table: the search term highlighted, COL-4/COL-5's badges, the waiting time, the assignee and who is looking. */
export function useSessionCells(term: string, thresholds: WaitingThresholds, presence: PresenceMap, me: number) {
  const t = useT("chatSessions");
  const team = useT("team");
  const locale = useLocale();
  return useMemo(
    () => ({
      product: (row: SessionRow) => <ProductLink id={row.productId} name={row.productName} term={term} />,
      customer: (row: SessionRow) => <PersonLink id={row.customerId} name={row.customerName} term={term} />,
      vendor: (row: SessionRow) => <PersonLink id={row.vendorId} name={row.vendorName} term={term} />,
      messages: (row: SessionRow) => <MessageCountBadge count={row.messageCount} locale={locale} />,
      unread: (row: SessionRow) => <UnreadCountBadge count={row.unreadCount} locale={locale} />,
      waiting: (row: SessionRow) =>
        row.heldBy ? (
          <span className="session-waiting">
            <WaitingCell row={row} thresholds={thresholds} />
            <span className="held-by" data-testid="held-by">
              {t("heldBy", { name: row.heldBy })}
            </span>
          </span>
        ) : (
          <WaitingCell row={row} thresholds={thresholds} />
        ),
      // The assignee, and who is looking at the session right now (issue 20's presence; the
      // two side by side only while someone is).
      assignee: (row: SessionRow) => {
        const assignee = row.assigneeName === null ? <span className="muted-text">{team("unassigned")}</span> : <span dir="auto">{row.assigneeName}</span>;
        if (othersLooking(presence[row.id], me).length === 0) return assignee;
        return (
          <span className="session-assignee">
            {assignee}
            <PresenceAvatars viewers={presence[row.id]} me={me} />
          </span>
        );
      },
    }),
    [term, locale, thresholds, t, team, presence, me],
  );
}
