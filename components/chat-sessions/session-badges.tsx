import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/config";

/** COL-4: the message count, a blue badge. */
export function MessageCountBadge({ count, locale }: { count: number; locale: Locale }) {
  return <Badge tone="blue">{formatNumber(locale, count)}</Badge>;
}

/** COL-5: unread messages, yellow when there are any, green when none. */
export function UnreadCountBadge({ count, locale }: { count: number; locale: Locale }) {
  return <Badge tone={count > 0 ? "yellow" : "green"}>{formatNumber(locale, count)}</Badge>;
}
