// MSG-1: a message body is plain text; only http(s) addresses become links. Nothing else is
// interpreted (React escapes the text; there is no HTML anywhere on the way).

export type BodyPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation right after an address belongs to the sentence, not the address.
const TRAILING = /[.,;:!?؟،؛)\]}»”’]+$/;

/** Splits a body into text and link parts, in order; joined back they are the body unchanged. */
export function splitLinks(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const address = trimTrailing(match[0]);
    const start = match.index;
    if (!isHttpUrl(address)) continue;
    if (start > last) parts.push({ kind: "text", text: body.slice(last, start) });
    parts.push({ kind: "link", text: address, href: address });
    last = start + address.length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}

function trimTrailing(candidate: string): string {
  const trailing = TRAILING.exec(candidate)?.[0] ?? "";
  let address = candidate.slice(0, candidate.length - trailing.length);
  // Keep a closing parenthesis the address itself opened: https://en.wikipedia.org/wiki/Tea_(drink)
  const count = (char: string) => address.split(char).length - 1;
  for (const char of trailing) {
    if (char !== ")" || count("(") <= count(")")) break;
    address += char;
  }
  return address;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
