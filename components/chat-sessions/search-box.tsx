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
  useEffect(() => {
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
          timer.current = setTimeout(() => onSearch(next.trim()), DEBOUNCE_MS);
        }}
      />
    </div>
  );
}
