"use client";
import { useEffect, useRef, type KeyboardEvent } from "react";

/**
 * Triage without the mouse: j / k move between rows, x ticks a row and Enter opens it. With
 * nothing focused (page just loaded, or a dialog just closed), j or k starts at the first row.
 */
export function useRowKeyboard<Row extends { id: number }>(options: { rows: Row[]; isSelected: (id: number) => boolean; canTick: boolean; onToggle: (id: number, on: boolean) => void; onOpen: (row: Row) => void }) {
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    const start = (event: globalThis.KeyboardEvent) => {
      if ((event.key !== "j" && event.key !== "k") || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      const first = body.current?.querySelector<HTMLTableRowElement>("tr[data-row-id]");
      if (!first) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener("keydown", start);
    return () => document.removeEventListener("keydown", start);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const rowsInBody = Array.from(body.current?.querySelectorAll<HTMLTableRowElement>("tr[data-row-id]") ?? []);
    const active = document.activeElement;
    const current = active instanceof HTMLTableRowElement ? rowsInBody.indexOf(active) : -1;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) return;
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      const next = event.key === "j" ? Math.min(current + 1, rowsInBody.length - 1) : Math.max(current - 1, 0);
      rowsInBody[next]?.focus();
    } else if (event.key === "x" && current >= 0 && options.canTick) {
      event.preventDefault();
      const row = options.rows[current];
      if (row) options.onToggle(row.id, !options.isSelected(row.id));
    } else if (event.key === "Enter" && current >= 0) {
      event.preventDefault();
      const row = options.rows[current];
      if (row) options.onOpen(row);
    }
  };
  return { body, onKeyDown };
}
