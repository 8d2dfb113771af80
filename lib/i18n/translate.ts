import type { Locale } from "./config";
import type { MessageValue, Messages } from "./define";

export type Vars = Record<string, string | number>;
export type Translate<M extends Messages> = (key: keyof M & string, vars?: Vars) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    // Latin digits in both languages: support staff copy ids and counts between tools.
    format = new Intl.NumberFormat(locale === "ar" ? "ar-u-nu-latn" : "en-US");
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function pick(locale: Locale, value: MessageValue, count: number | undefined): string {
  if (typeof value === "string") return value;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = count === undefined ? "other" : rules.select(count);
  return value[category] ?? value.other;
}

export function interpolate(locale: Locale, template: string, vars: Vars = {}): string {
  // Most words have no placeholder, and a page asks for hundreds of them.
  if (!template.includes("{")) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(locale, value) : value;
  });
}

export function makeTranslate<M extends Messages>(locale: Locale, messages: M): Translate<M> {
  return (key, vars) => {
    const value = messages[key];
    if (value === undefined) return key;
    const count = typeof vars?.count === "number" ? vars.count : undefined;
    return interpolate(locale, pick(locale, value, count), vars);
  };
}
