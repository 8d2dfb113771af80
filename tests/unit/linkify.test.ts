import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLinks } from "@/lib/chat-sessions/messages/linkify";

const links = (body: string) => splitLinks(body).filter((part) => part.kind === "link").map((part) => part.text);

describe("message bodies (MSG-1)", () => {
  it("MSG-1 makes http and https addresses links, leaving sentence punctuation outside", () => {
    expect(links("See https://example.test/item. Or http://shop.test/a?b=1, ok")).toEqual(["https://example.test/item", "http://shop.test/a?b=1"]);
    expect(links("هل هذا هو المنتج https://example.test/p/5؟")).toEqual(["https://example.test/p/5"]);
    expect(links("(https://example.test/a)")).toEqual(["https://example.test/a"]);
    expect(links("https://en.wikipedia.org/wiki/Tea_(drink)")).toEqual(["https://en.wikipedia.org/wiki/Tea_(drink)"]);
  });

  it("MSG-1 interprets nothing else: other schemes and markup stay text", () => {
    for (const body of ["javascript:alert(1)", "<a href='https://x.test'>x</a>", "data:text/html,hi", "**bold** <b>b</b>", "ftp://files.test/a"]) {
      expect(splitLinks(body).every((part) => part.kind === "text" || part.href.startsWith("http"))).toBe(true);
    }
    expect(links("javascript:alert(1)")).toEqual([]);
    expect(links("<img src=x onerror=alert(1)>")).toEqual([]);
  });

  it("MSG-1 keeps every body intact: the parts joined are the body, and every link is http(s) (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom("https://", "http://x", ".", ")", "(", "؟", " ", "\n"))), (pieces) => {
        const body = pieces.join("");
        const parts = splitLinks(body);
        expect(parts.map((part) => part.text).join("")).toBe(body);
        for (const part of parts) if (part.kind === "link") expect(new URL(part.href).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 500 },
    );
  });
});
