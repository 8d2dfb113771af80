import { highlightMatches } from "@/lib/search/normalize";

/** The text with the parts matching the search term marked, in their original spelling. */
export function Highlight({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  return (
    <>
      {highlightMatches(text, term).map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
          <mark key={index} className="rounded bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
