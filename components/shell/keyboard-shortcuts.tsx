"use client";
import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n/client";

/** Typing in a box must never trigger a page shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select") !== null);
}

/** The page's own search box: the first one inside the main region. */
function pageSearchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('main input[type="search"]');
}

const ROWS: Array<{ keys: string[]; action: "showCheatSheet" | "focusSearch" | "sendMessage" | "listRows" | "listSelect" | "listOpen" | "closeDialog" }> = [
  { keys: ["?"], action: "showCheatSheet" },
  { keys: ["/"], action: "focusSearch" },
  { keys: ["Ctrl+Enter", "⌘+Enter"], action: "sendMessage" },
  { keys: ["j", "k"], action: "listRows" },
  { keys: ["x"], action: "listSelect" },
  { keys: ["Enter"], action: "listOpen" },
  { keys: ["Esc"], action: "closeDialog" },
];

/** "?" opens the cheat sheet and "/" jumps to the search box, anywhere in the panel. */
export function KeyboardShortcuts() {
  const t = useT("shortcuts");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || isTyping(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === "/") {
        const box = pageSearchBox();
        if (!box) return;
        event.preventDefault();
        box.focus();
        box.select();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="?"
        aria-label={t("openCheatSheet")}
        title={t("openCheatSheet")}
        className="rounded-md px-3 py-2 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">?</span>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("title")}>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-start text-xs text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-1 text-start">{t("keyColumn")}</th>
              <th scope="col" className="py-1 text-start">{t("actionColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.action} className="border-t border-slate-100 dark:border-slate-800">
                <td className="whitespace-nowrap py-2 pe-4" dir="ltr">
                  {row.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? " / " : null}
                      <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
                    </span>
                  ))}
                </td>
                <td className="py-2">{t(row.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    </>
  );
}
