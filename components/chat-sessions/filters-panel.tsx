"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { EntityCombobox } from "@/components/ui/entity-combobox";
import { activeFilterCount, NO_FILTERS, type EntityFilterKey, type FilterLabels, type ListParams } from "@/lib/chat-sessions/list-params";
import { useT } from "@/lib/i18n/client";

const ENTITY_FILTERS = [
  { key: "customer", kind: "customer", label: "filterCustomer" },
  { key: "vendor", kind: "vendor", label: "filterVendor" },
  { key: "product", kind: "product", label: "filterProduct" },
  { key: "order", kind: "order", label: "filterOrder" },
] as const;

/** FLT-1..5 and the order filter (REL-2) behind one button that says how many are active. */
export function FiltersPanel({
  params,
  hide,
  labels,
  onChange,
  onLabel,
}: {
  params: ListParams;
  /** filters the page fixes, so not offered */
  hide: readonly EntityFilterKey[];
  labels: FilterLabels;
  onChange: (patch: Partial<ListParams>) => void;
  /** the name of a customer, vendor, product or order just chosen, for the chip shown before the page answers */
  onLabel: (key: keyof FilterLabels, id: number | null, label: string | null) => void;
}) {
  const t = useT("chatSessions");
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(params);
  // Two items of the toolbar's flex row: the button in line with the others, the panel on a row
  // of its own below them, so opening it moves nothing.
  return (
    <>
      <button type="button" className={buttonClass(active ? "primary" : "secondary")} aria-expanded={open} aria-controls="session-filters" onClick={() => setOpen(!open)}>
        {active ? t("filtersActive", { count: active }) : t("filtersButton")}
      </button>
      <div id="session-filters" hidden={!open} className="order-last grid basis-full gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-700 dark:bg-slate-900">
        {ENTITY_FILTERS.filter((filter) => !hide.includes(filter.key)).map((filter) => (
          <EntityCombobox
            key={filter.key}
            id={`filter-${filter.key}`}
            kind={filter.kind}
            value={params[filter.key]}
            initialLabel={labels[filter.key]}
            label={t(filter.label)}
            onChange={(id, label) => {
              onLabel(filter.key, id, label);
              onChange({ [filter.key]: id });
            }}
          />
        ))}
        {(["unread", "recent"] as const).map((key) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <input type="checkbox" role="switch" className="h-4 w-4" checked={params[key]} onChange={(event) => onChange({ [key]: event.target.checked })} />
            {t(key === "unread" ? "filterUnread" : "filterRecent")}
          </label>
        ))}
        <div className="flex items-end">
          <button type="button" className={buttonClass("ghost")} onClick={() => onChange({ ...NO_FILTERS, q: params.q })}>
            {t("resetFilters")}
          </button>
        </div>
      </div>
    </>
  );
}

/** Each active filter as a chip that removes it. */
export function FilterChips({ params, labels, onChange }: { params: ListParams; labels: FilterLabels; onChange: (patch: Partial<ListParams>) => void }) {
  const t = useT("chatSessions");
  const chips: { key: string; text: string; clear: Partial<ListParams> }[] = [];
  for (const filter of ENTITY_FILTERS) {
    const id = params[filter.key];
    if (id != null) chips.push({ key: filter.key, text: `${t(filter.label)}: ${labels[filter.key] ?? `#${id}`}`, clear: { [filter.key]: null } });
  }
  if (params.unread) chips.push({ key: "unread", text: t("filterUnread"), clear: { unread: false } });
  if (params.recent) chips.push({ key: "recent", text: t("filterRecent"), clear: { recent: false } });
  if (!chips.length) return null;
  return (
    <ul className="flex flex-wrap gap-2" data-testid="filter-chips">
      {chips.map((chip) => (
        <li key={chip.key} className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-1 pe-1 ps-3 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-100">
          {chip.text}
          <button type="button" className="rounded-full px-1.5 hover:bg-blue-100 dark:hover:bg-blue-900" aria-label={t("removeFilter", { label: chip.text })} onClick={() => onChange(chip.clear)}>
            <span aria-hidden="true">✕</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
