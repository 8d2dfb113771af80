"use client";
import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ListWords } from "./list-words";

/**
 * The toggleable columns, hidden until the user shows them; the choice goes in the URL and in a
 * cookie of this user's, used when the URL says nothing. Closes on Escape (focus back on its
 * button) and on a click outside it.
 */
export function ColumnMenu({ t, columns, visible, cookie, onChange }: { t: ListWords; columns: { key: string; label: string }[]; visible: string[]; cookie: string; onChange: (columns: string[]) => void }) {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, []);
  const toggle = (column: string, shown: boolean) => {
    const next = columns.map((c) => c.key).filter((key) => (key === column ? shown : visible.includes(key)));
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the Cookie Store API is not in every supported browser
    document.cookie = `${cookie}=${next.join(",")}; path=/; max-age=31536000; samesite=lax`;
    onChange(next);
  };
  return (
    <details ref={menu} className="relative">
      <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>{t("columnsButton")}</summary>
      <div className="menu-panel space-y-2 p-3">
        {columns.map((column) => (
          <label key={column.key} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={visible.includes(column.key)} onChange={(event) => toggle(column.key, event.target.checked)} />
            {column.label}
          </label>
        ))}
      </div>
    </details>
  );
}
