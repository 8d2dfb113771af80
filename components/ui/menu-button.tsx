"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type MenuItem = { key: string; label: string; icon?: ReactNode; danger?: boolean } & ({ href: string } | { onSelect: () => void });

const ITEM = "flex w-full items-center gap-2 whitespace-nowrap rounded px-3 py-2 text-start text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800";

/**
 * A button that opens a menu of actions (the WAI-ARIA menu button pattern): arrow keys, Home and
 * End move between the items, Escape closes it with focus back on the button, and so do Tab and
 * a click outside. The menu is a popover in the top layer, so a table that scrolls sideways
 * cannot clip it; its items are rendered only while it is open, so a page of rows stays light.
 */
export function MenuButton({ label, icon, items, className }: { label: string; icon: ReactNode; items: MenuItem[]; className?: string }) {
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const popup = menu.current;
    const opener = button.current;
    if (!open || !popup || !opener) return;
    // Beside its button, on the side the text ends, and above it when there is no room below.
    // (inset-auto: a popover's own inset of 0 left `right` set, which wins over `left` in a
    // right-to-left page, and the menu opened at the window's far side)
    const anchor = opener.getBoundingClientRect();
    const rtl = getComputedStyle(opener).direction === "rtl";
    popup.showPopover();
    const height = popup.offsetHeight;
    popup.style.top = `${anchor.bottom + 4 + height > window.innerHeight ? Math.max(anchor.top - 4 - height, 4) : anchor.bottom + 4}px`;
    popup.style.left = `${rtl ? anchor.left : Math.max(anchor.right - popup.offsetWidth, 4)}px`;
    popup.querySelector<HTMLElement>("[role=menuitem]")?.focus({ preventScroll: true });
    const close = () => setOpen(false);
    const closeOutside = (event: Event) => {
      if (!popup.contains(event.target as Node) && !button.current?.contains(event.target as Node)) close();
    };
    // A manual popover: the button's own click toggles it, which a light dismiss would undo.
    document.addEventListener("pointerdown", closeOutside);
    window.addEventListener("scroll", close, true);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      window.removeEventListener("scroll", close, true);
      window.removeEventListener("resize", close);
      if (popup.matches(":popover-open")) popup.hidePopover();
    };
  }, [open]);

  const closeAndFocus = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...event.currentTarget.querySelectorAll<HTMLElement>("[role=menuitem]")];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      entries[(move + entries.length) % entries.length]?.focus({ preventScroll: true });
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeAndFocus();
    } else if (event.key === "Tab") setOpen(false);
  };

  return (
    <>
      <button ref={button} type="button" className={className} title={label} aria-haspopup="menu" aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={() => setOpen(!open)}>
        {icon}
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          popover="manual"
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className="fixed inset-auto m-0 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {items.map((item) => {
            const className = `${ITEM} ${item.danger ? "text-red-700 dark:text-red-400" : ""}`;
            return "href" in item ? (
              <Link key={item.key} role="menuitem" tabIndex={-1} prefetch={false} href={item.href} className={className} onClick={() => setOpen(false)}>
                {item.icon}
                {item.label}
              </Link>
            ) : (
              <button
                key={item.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={className}
                onClick={() => {
                  closeAndFocus();
                  item.onSelect();
                }}
              >
                {item.icon}
                {item.label}
              </button>
            );
          })}
        </div>
      ) : null}
    </>
  );
}
