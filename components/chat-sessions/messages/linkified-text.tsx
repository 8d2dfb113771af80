import { splitLinks } from "@/lib/chat-sessions/messages/linkify";

/** A message body as plain text; http(s) links become links, nothing else is interpreted (MSG-1). */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.kind === "link" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-blue-800 underline dark:text-blue-300">
            {part.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
