"use client";
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { EntityCombobox } from "@/components/ui/entity-combobox";
import { inputClass } from "@/components/ui/field";
import type { DateRange, FilterDeclaration, FilterDeclarations } from "@/lib/list-engine/declaration";
import { activeFilterCount, noFilters, type ListFilters } from "@/lib/list-engine/url-state";
import type { ListViewWords } from "./list-words";

export type FilterText = { label: (key: string) => string; option: (key: string, value: string) => string };

/** The staff an assignee filter offers by name (besides "me" and "nobody"). */
export type FilterPeople = readonly { id: number; name: string }[];

/** Every declared filter, typed: an entity combobox that keeps its label, a switch, a choice, a day range. */
export function ListFiltersPanel<F extends FilterDeclarations>({ t, text, filters, values, labels, hide = [], people = [], onChange, onLabel }: {
  t: ListViewWords;
  text: FilterText;
  filters: F;
  values: ListFilters<F>;
  labels: Record<string, string | null>;
  /** filters the page fixes (a relation table's scope), so not offered */
  hide?: readonly string[];
  people?: FilterPeople;
  onChange: (patch: Partial<ListFilters<F>>) => void;
  /** the name just chosen in a combobox, for its chip before the page answers */
  onLabel: (key: string, id: number | null, label: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const active = activeFilterCount({ filters }, values);
  const state = values as Record<string, unknown>;
  const set = (key: string, value: unknown) => onChange({ [key]: value } as Partial<ListFilters<F>>);
  const entries = (Object.entries(filters) as [string, FilterDeclaration][]).filter(([key]) => !hide.includes(key));
  return (
    <>
      <button type="button" className={buttonClass(active ? "primary" : "secondary")} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {active ? t("filtersActive", { count: active }) : t("filtersButton")}
      </button>
      <div id={panelId} hidden={!open} className="order-last grid basis-full gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-700 dark:bg-slate-900">
        {/* Drawn when opened: a closed panel's fields would only weigh down every page of the list. */}
        {(open ? entries : []).map(([key, filter]) => {
          const id = `filter-${key}`;
          if (filter.kind === "entity") {
            return (
              <EntityCombobox
                key={key}
                id={id}
                kind={filter.entity}
                value={(state[key] as number | null) ?? null}
                initialLabel={labels[key] ?? null}
                label={text.label(key)}
                onChange={(chosen, label) => {
                  onLabel(key, chosen, label);
                  set(key, chosen);
                }}
              />
            );
          }
          if (filter.kind === "toggle") {
            return (
              <label key={key} className="flex items-center gap-2 text-sm">
                <input type="checkbox" role="switch" className="h-4 w-4" checked={state[key] === true} onChange={(event) => set(key, event.target.checked)} />
                {text.label(key)}
              </label>
            );
          }
          if (filter.kind === "assignee") {
            const value = state[key] as string | number | null;
            return (
              <div key={key} className="flex flex-col gap-1 text-sm">
                <label htmlFor={id}>{text.label(key)}</label>
                <select
                  id={id}
                  className={inputClass}
                  value={value == null ? "" : String(value)}
                  onChange={(event) => {
                    const chosen = event.target.value;
                    set(key, chosen === "" ? null : chosen === "me" || chosen === "none" ? chosen : Number(chosen));
                  }}
                >
                  <option value="">—</option>
                  <option value="me">{text.option(key, "me")}</option>
                  <option value="none">{text.option(key, "none")}</option>
                  {people.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          if (filter.kind === "choice") {
            return (
              <div key={key} className="flex flex-col gap-1 text-sm">
                <label htmlFor={id}>{text.label(key)}</label>
                <select id={id} className={inputClass} value={(state[key] as string | null) ?? ""} onChange={(event) => set(key, event.target.value || null)}>
                  <option value="">—</option>
                  {filter.options.map((option) => (
                    <option key={option} value={option}>
                      {text.option(key, option)}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          const range = (state[key] as DateRange | null) ?? { from: null, to: null };
          const setEnd = (end: "from" | "to", day: string) => {
            const next = { ...range, [end]: day || null };
            set(key, next.from || next.to ? next : null);
          };
          return (
            <fieldset key={key} className="flex flex-wrap items-end gap-2 text-sm">
              <legend className="mb-1">{text.label(key)}</legend>
              <label className="flex flex-col gap-1">
                {t("dateFrom")}
                <input type="date" className={inputClass} value={range.from ?? ""} onChange={(event) => setEnd("from", event.target.value)} />
              </label>
              <label className="flex flex-col gap-1">
                {t("dateTo")}
                <input type="date" className={inputClass} value={range.to ?? ""} onChange={(event) => setEnd("to", event.target.value)} />
              </label>
            </fieldset>
          );
        })}
        <div className="flex items-end">
          <button type="button" className={buttonClass("ghost")} onClick={() => onChange({ ...noFilters({ filters }), q: values.q })}>
            {t("resetFilters")}
          </button>
        </div>
      </div>
    </>
  );
}

/** Each active filter as a chip that removes it. */
export function ListFilterChips<F extends FilterDeclarations>({ t, text, filters, values, labels, onChange }: {
  t: ListViewWords;
  text: FilterText;
  filters: F;
  values: ListFilters<F>;
  labels: Record<string, string | null>;
  onChange: (patch: Partial<ListFilters<F>>) => void;
}) {
  const state = values as Record<string, unknown>;
  const chips = (Object.entries(filters) as [string, FilterDeclaration][]).flatMap(([key, filter]) => {
    const value = state[key];
    if (value == null || value === false) return [];
    const clear = { [key]: filter.kind === "toggle" ? false : null } as Partial<ListFilters<F>>;
    const label = text.label(key);
    let chip = label;
    if (filter.kind === "entity") chip = `${label}: ${labels[key] ?? `#${value as number}`}`;
    else if (filter.kind === "choice") chip = `${label}: ${text.option(key, value as string)}`;
    else if (filter.kind === "assignee") chip = `${label}: ${typeof value === "number" ? (labels[key] ?? `#${value}`) : text.option(key, value as string)}`;
    else if (filter.kind === "dateRange") chip = `${label}: ${(value as DateRange).from ?? "…"} – ${(value as DateRange).to ?? "…"}`;
    return [{ key, text: chip, clear }];
  });
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
