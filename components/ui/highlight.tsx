import { highlightMatches } from "@/lib/search/normalize";

/** The text with the parts matching the search term marked (app/globals.css, mark), in their original spelling. */
export function Highlight({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  return (
    <>
      {highlightMatches(text, term).map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
        part.match ? <mark key={index}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
