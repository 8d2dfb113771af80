import type { ReactNode } from "react";

// Its looks and colours by tone (COL-4/COL-5) live in app/globals.css ([data-tone]): a list page
// shows two badges a row, and class names would otherwise be repeated on each.
export type BadgeTone = "blue" | "yellow" | "green" | "gray";

export function Badge({ tone, children, label }: { tone: BadgeTone; children: ReactNode; label?: string }) {
  return (
    <span data-tone={tone} title={label}>
      {children}
    </span>
  );
}
