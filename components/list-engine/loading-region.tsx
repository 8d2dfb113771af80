"use client";
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";

/** How long a new view may take before the table says it is loading: a fast answer never flashes. */
const SHOW_AFTER_MS = 250;

/**
 * The rows while a new view of the list (filters, sort, page) is on its way: after a moment the
 * old rows dim, a thin bar runs along the top and the region is aria-busy, until the new rows arrive.
 */
export function LoadingRegion({ pending, children }: { pending: boolean; children: ReactNode }) {
  const t = useT("common");
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!pending) return setShown(false);
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return (
    <div aria-busy={shown} className="relative" data-testid="list-rows">
      {shown ? (
        <div role="progressbar" aria-label={t("loading")} className="absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden rounded-t-lg">
          <div className="h-full w-1/3 animate-[list-loading_1s_ease-in-out_infinite] bg-blue-600" />
        </div>
      ) : null}
      <div className={shown ? "opacity-60 transition-opacity" : undefined}>{children}</div>
    </div>
  );
}
