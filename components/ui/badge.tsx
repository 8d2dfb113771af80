import type { ReactNode } from "react";

// Colours by tone (COL-4/COL-5) live in app/globals.css (.badge[data-tone]): a list page shows
// two badges a row, and the class names would otherwise be repeated on each.
export type BadgeTone = "blue" | "yellow" | "green" | "gray";

export function Badge({ tone, children, label }: { tone: BadgeTone; children: ReactNode; label?: string }) {
  return (
    <span data-tone={tone} title={label} className="badge">
      {children}
    </span>
  );
}
