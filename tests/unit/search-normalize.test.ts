import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlightMatches, normalizeForSearch } from "@/lib/search/normalize";

describe("SEARCH-1 Arabic-aware normalisation", () => {
  it("folds hamza forms of alef, alef maqsura, ta marbuta, and drops tashkeel and tatweel", () => {
    expect(normalizeForSearch("أحمد")).toBe("احمد");
    expect(normalizeForSearch("إبراهيم آمنة مصطفى")).toBe("ابراهيم امنه مصطفي");
    expect(normalizeForSearch("مُحَمَّـــد")).toBe("محمد");
    expect(normalizeForSearch("Wireless HEADPHONES")).toBe("wireless headphones");
  });

  it("highlights the original spelling of a normalised match", () => {
    expect(highlightMatches("متجر أحمد للعطور", "احمد")).toEqual([
      { text: "متجر ", match: false },
      { text: "أحمد", match: true },
      { text: " للعطور", match: false },
    ]);
    expect(highlightMatches("مُحَمَّد علي", "محمد")).toEqual([
      { text: "مُحَمَّد", match: true },
      { text: " علي", match: false },
    ]);
    expect(highlightMatches("Smart Watch", "WATCH")).toEqual([
      { text: "Smart ", match: false },
      { text: "Watch", match: true },
    ]);
    expect(highlightMatches("abc", "  ")).toEqual([{ text: "abc", match: false }]);
  });

  it("highlighting never changes the text, and every marked part matches the term (property)", () => {
    const alphabet = fc.constantFrom(..."أإآٱاىيةهمحدعلي ـَُِّْٰAaBbİß ".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((chars) => chars.join("")), fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((chars) => chars.join("")), (text, term) => {
        const parts = highlightMatches(text, term);
        expect(parts.map((part) => part.text).join("")).toBe(text);
        const needle = normalizeForSearch(term.trim());
        for (const part of parts) if (part.match) expect(normalizeForSearch(part.text)).toContain(needle);
        if (needle && normalizeForSearch(text).includes(needle)) expect(parts.some((part) => part.match)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
