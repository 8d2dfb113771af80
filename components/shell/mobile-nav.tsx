"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * On narrow screens the sidebar opens as a modal drawer; it closes on navigation. Its links are
 * drawn when it opens: every page would otherwise carry the navigation twice.
 */
export function MobileNav({ openLabel, closeLabel, children }: { openLabel: string; closeLabel: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trigger: navigating closes the menu
  useEffect(() => {
    dialog.current?.close();
  }, [pathname]);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);
  return (
    <div className="md:hidden">
      <button type="button" className={buttonClass("ghost")} aria-label={openLabel} onClick={() => setOpen(true)}>
        <span aria-hidden="true">☰</span>
      </button>
      <dialog
        ref={dialog}
        aria-label={openLabel}
        className="nav-drawer"
        onClick={(event) => event.target === dialog.current && dialog.current?.close()}
        onClose={() => setOpen(false)}
      >
        {open ? (
          <>
            <div className="flex justify-end p-2">
              <button type="button" className={buttonClass("ghost")} onClick={() => dialog.current?.close()}>
                {closeLabel}
              </button>
            </div>
            {children}
          </>
        ) : null}
      </dialog>
    </div>
  );
}
