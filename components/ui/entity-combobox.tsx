"use client";
import { useCombobox } from "downshift";
import { useEffect, useRef, useState } from "react";
import { lookupEntities } from "@/lib/lookups/actions";
import type { EntityKind, EntityOption, EntityScope } from "@/lib/lookups/search-entities";
import { useT } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/actions/result";
import { inputClass } from "./field";

const DEBOUNCE_MS = 200;

export type EntityExtra = { vendorId?: number; vendorName?: string };

/**
 * A searchable dropdown over users or products that asks the server as you type
 * (FLT-1..3, FORM-1..3). downshift supplies the WAI-ARIA combobox behaviour.
 */
export function EntityCombobox({
  id,
  kind,
  value,
  initialLabel,
  onChange,
  label,
  invalid,
  describedBy,
  scope,
  lookup = lookupEntities,
}: {
  id: string;
  kind: EntityKind;
  value: number | null;
  initialLabel: string | null;
  onChange: (id: number | null, label: string | null, extra?: EntityExtra) => void;
  label: string;
  invalid?: boolean;
  describedBy?: string;
  /** narrows the options (the order dropdown lists the chosen pair's orders) */
  scope?: EntityScope;
  /** the server action that searches; the staff one unless given (participants have their own) */
  lookup?: (input: { kind: EntityKind; query: string; scope?: EntityScope }) => Promise<ActionResult<EntityOption[]>>;
}) {
  const t = useT("common");
  const [items, setItems] = useState<EntityOption[]>([]);
  const [searching, setSearching] = useState(false);
  const [selected, setSelected] = useState<EntityOption | null>(
    value != null && initialLabel != null ? { id: value, label: initialLabel, detail: null } : null,
  );
  const latestQuery = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (value == null) setSelected(null);
    else if (initialLabel != null) setSelected((current) => (current?.id === value ? current : { id: value, label: initialLabel, detail: null }));
  }, [value, initialLabel]);

  // Options found under another scope are stale: ask again when the menu next opens.
  const scopeKey = `${scope?.customerId ?? ""}:${scope?.vendorId ?? ""}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trigger: another scope makes the options stale
  useEffect(() => {
    setItems([]);
  }, [scopeKey]);

  const search = (query: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++latestQuery.current;
      setSearching(true);
      const result = await lookup({ kind, query, scope });
      if (ticket !== latestQuery.current) return;
      setSearching(false);
      setItems(result.ok ? result.data : []);
    }, DEBOUNCE_MS);
  };

  const combobox = useCombobox<EntityOption>({
    id,
    inputId: id,
    items,
    selectedItem: selected,
    itemToString: (item) => item?.label ?? "",
    itemToKey: (item) => item?.id,
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) search(inputValue ?? "");
    },
    onIsOpenChange: ({ isOpen }) => {
      if (isOpen && items.length === 0) search("");
    },
    onSelectedItemChange: ({ selectedItem }) => {
      setSelected(selectedItem ?? null);
      onChange(selectedItem?.id ?? null, selectedItem?.label ?? null, selectedItem ? { vendorId: selectedItem.vendorId, vendorName: selectedItem.vendorName } : undefined);
    },
  });

  return (
    <div className="relative">
      <label {...combobox.getLabelProps()} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-1">
        <input
          {...combobox.getInputProps({
            "aria-invalid": invalid || undefined,
            "aria-describedby": describedBy,
          })}
          placeholder={t("comboboxPlaceholder")}
          className={inputClass}
        />
        {selected ? (
          <button
            type="button"
            className="rounded-md px-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            aria-label={`${t("comboboxClear")}: ${label}`}
            onClick={() => combobox.selectItem(null)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        ) : null}
      </div>
      <ul
        {...combobox.getMenuProps()}
        className={`absolute z-30 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${combobox.isOpen ? "" : "hidden"}`}
      >
        {combobox.isOpen && items.length === 0 ? (
          <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400" role="presentation">
            {searching ? t("comboboxSearching") : t("comboboxNoResults")}
          </li>
        ) : null}
        {combobox.isOpen
          ? items.map((item, index) => (
              <li
                key={item.id}
                {...combobox.getItemProps({ item, index })}
                className={`cursor-pointer px-3 py-2 text-sm ${combobox.highlightedIndex === index ? "bg-blue-50 dark:bg-slate-800" : ""}`}
              >
                <span className="block">{item.label}</span>
                {item.detail ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400" dir="auto">
                    {item.detail}
                  </span>
                ) : null}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
