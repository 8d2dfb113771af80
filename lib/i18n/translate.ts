import type { Locale } from "./config";
import type { MessageValue, Messages } from "./define";

export type Vars = Record<string, string | number>;
export type Translate<M extends Messages> = (key: keyof M & string, vars?: Vars) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();
// The plural category of the small whole numbers (a page's counts), asked of Intl once each.
const SMALL_COUNTS = 1_000;
const smallCountCategories = new Map<Locale, Intl.LDMLPluralRule[]>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * A whole number from 0 up, grouped by threes with commas: what both locales' formats write for
 * it (tests/unit/translate.test.ts compares them), without Intl's format, which was 1.5 % of a sessions
 * page's server time (a page writes a few hundred ids and counts; CPU profile, issue 16).
 */
function groupedWholeNumber(value: number): string {
  const digits = String(value);
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let index = head; index < digits.length; index += 3) grouped += `,${digits.slice(index, index + 3)}`;
  return grouped;
}

export function formatNumber(locale: Locale, value: number): string {
  if (Number.isSafeInteger(value) && value >= 0) return groupedWholeNumber(value);
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
  const category = count === undefined ? "other" : categoryOf(locale, rules, count);
  return value[category] ?? value.other;
}

function categoryOf(locale: Locale, rules: Intl.PluralRules, count: number): Intl.LDMLPluralRule {
  if (!Number.isInteger(count) || count < 0 || count >= SMALL_COUNTS) return rules.select(count);
  let categories = smallCountCategories.get(locale);
  if (!categories) {
    categories = [];
    smallCountCategories.set(locale, categories);
  }
  categories[count] ??= rules.select(count);
  return categories[count];
}

type TemplatePart = string | { name: string };
const parsedTemplates = new Map<string, TemplatePart[]>();

/** A template's text and placeholders, parsed once: a page fills a few templates hundreds of times. */
function templateParts(template: string): TemplatePart[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/).map((part, index) => (index % 2 === 1 ? { name: part } : part));
    parsedTemplates.set(template, parts);
  }
  return parts;
}

export function interpolate(locale: Locale, template: string, vars: Vars = {}): string {
  // Most words have no placeholder, and a page asks for hundreds of them.
  if (!template.includes("{")) return template;
  let text = "";
  for (const part of templateParts(template)) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const value = vars[part.name];
    text += value === undefined ? `{${part.name}}` : typeof value === "number" ? formatNumber(locale, value) : value;
  }
  return text;
}

export function makeTranslate<M extends Messages>(locale: Locale, messages: M): Translate<M> {
  return (key, vars) => {
    const value = messages[key];
    if (value === undefined) return key;
    const count = typeof vars?.count === "number" ? vars.count : undefined;
    return interpolate(locale, pick(locale, value, count), vars);
  };
}
