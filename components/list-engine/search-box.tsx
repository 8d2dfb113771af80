"use client";
import { useCallback, useEffect, useRef } from "react";
import { inputClass } from "@/components/ui/field";

const DEBOUNCE_MS = 300;

/**
 * A list's search box (SEARCH-1 on the sessions list); the URL follows as you type. The
 * box holds its own text (uncontrolled): what is typed before the page's scripts have started is
 * kept (React would reset a controlled box to the server's value) and searched once they have.
 */
export function SearchBox({ id, label, placeholder, maxLength, value, onSearch }: { id: string; label: string; placeholder: string; maxLength: number; value: string; onSearch: (q: string) => void }) {
  const box = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Terms sent from this box whose answers may still arrive. An answer to one of them is never
  // written back into the box (the user may have typed on since); any other change of the URL's
  // term (back, forward, "clear filters") is.
  const sent = useRef<string[]>([]);
  const urlTerm = useRef(value);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;
  const search = useCallback((typed: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current.push(typed.trim());
      onSearchRef.current(typed.trim());
    }, DEBOUNCE_MS);
  }, []);
  useEffect(() => {
    if (box.current && box.current.value !== urlTerm.current) search(box.current.value);
    return () => clearTimeout(timer.current);
  }, [search]);
  useEffect(() => {
    if (value === urlTerm.current) return;
    urlTerm.current = value;
    if (sent.current.includes(value)) {
      if (value === sent.current.at(-1)) sent.current = [];
      return;
    }
    if (box.current) box.current.value = value;
  }, [value]);
  // A row of its own on a phone: beside the filter and column buttons it left room for a dozen letters.
  return (
    <div className="min-w-0 flex-1 basis-full sm:basis-0 sm:max-w-md">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        ref={box}
        id={id}
        type="search"
        defaultValue={value}
        maxLength={maxLength}
        placeholder={placeholder}
        className={inputClass}
        onChange={(event) => search(event.target.value)}
      />
    </div>
  );
}
