import { present } from "@/lib/present";

// The TypeScript twin of the SQL function search_normalize() (init migration): lower case,
// no tashkeel or tatweel, أ إ آ ٱ → ا, ى → ي, ة → ه. A test keeps the two equal.
const DROPPED = /[\u064B-\u065F\u0670\u0640]/;
const FOLDED: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه" };

function foldChar(char: string): string {
  if (DROPPED.test(char)) return "";
  const lower = char.toLowerCase();
  return FOLDED[lower] ?? lower;
}

export function normalizeForSearch(input: string): string {
  return Array.from(input, foldChar).join("");
}

export type TextPart = { text: string; match: boolean };

/**
 * Splits `text` into parts, marking where `term` matches it under the search normalisation,
 * so that "احمد" highlights "أحمد" in the original spelling.
 */
export function highlightMatches(text: string, term: string): TextPart[] {
  const needle = normalizeForSearch(term.trim());
  if (!needle) return [{ text, match: false }];
  // Normalise char by char, remembering where each normalised char came from.
  const chars = Array.from(text);
  let normalized = "";
  const origin: number[] = [];
  chars.forEach((char, index) => {
    for (const folded of foldChar(char)) {
      normalized += folded;
      origin.push(index);
    }
  });
  const parts: TextPart[] = [];
  let cursor = 0;
  for (let at = normalized.indexOf(needle); at !== -1; at = normalized.indexOf(needle, at + needle.length)) {
    const start = present(origin[at], "the match's first character");
    const end = present(origin[at + needle.length - 1], "the match's last character") + 1;
    if (start > cursor) parts.push({ text: chars.slice(cursor, start).join(""), match: false });
    parts.push({ text: chars.slice(start, end).join(""), match: true });
    cursor = end;
  }
  if (cursor < chars.length) parts.push({ text: chars.slice(cursor).join(""), match: false });
  return parts;
}
