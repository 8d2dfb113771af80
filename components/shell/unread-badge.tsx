import { formatNumber } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/config";

/** NAV-2: the sidebar's count of unread messages across all sessions. */
export function UnreadBadge({ total, label, locale }: { total: number; label: string; locale: Locale }) {
  const tone = total > 0 ? "bg-amber-200 text-amber-950" : "bg-emerald-100 text-emerald-900";
  return (
    <span data-testid="nav-unread-badge" data-count={total} className={`ms-auto rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>
      <span aria-hidden="true">{formatNumber(locale, total)}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
