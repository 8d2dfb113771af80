// A catalog is one feature's strings in both languages, side by side. The English
// side must have exactly the Arabic side's keys (the Arabic text is the source).
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageValue = string | PluralForms;
export type Messages = Record<string, MessageValue>;

export function defineCatalog<const T extends Messages>(catalog: {
  ar: T;
  en: { [K in keyof T]: T[K] extends string ? string : PluralForms };
}) {
  return catalog;
}
