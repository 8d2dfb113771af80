"use client";
import { useEffect, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";

const DEBOUNCE_MS = 300;

/** SEARCH-1: one box over product, customer and vendor names; the URL follows as you type. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useT("chatSessions");
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Terms sent from this box whose answers may still arrive. An answer to one of them is never
  // written back into the box (the user may have typed on since); any other change of the URL's
  // term (back, forward, "clear filters") is.
  const sent = useRef<string[]>([]);
  useEffect(() => {
    if (sent.current.includes(value)) {
      if (value === sent.current.at(-1)) sent.current = [];
      return;
    }
    setText(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <div className="min-w-0 flex-1 sm:max-w-md">
      <label htmlFor="session-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <input
        id="session-search"
        type="search"
        value={text}
        maxLength={200}
        placeholder={t("searchPlaceholder")}
        className={inputClass}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            sent.current.push(next.trim());
            onSearch(next.trim());
          }, DEBOUNCE_MS);
        }}
      />
    </div>
  );
}
