"use client";
import type { ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Controls that only work with the page's scripts (ticks, sort and page buttons, row buttons that
 * open a dialog), disabled until the page has hydrated. Clicked before then, such a control did
 * nothing or was undone by hydration; disabled, it says it is not ready, and the click waits.
 * Links and the search box work without scripts and are left out.
 */
export function ScriptedControls({ children, className = "contents" }: { children: ReactNode; className?: string }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} className={className}>
      {children}
    </fieldset>
  );
}
