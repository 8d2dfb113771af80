const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** A message body as plain text; http(s) links become links, nothing else is interpreted. */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-blue-800 underline dark:text-blue-300">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
