import type { KeyboardEvent } from "react";

/** The keys a message box announces (aria-keyshortcuts) for sending. */
export const SEND_SHORTCUT_KEYS = "Control+Enter Meta+Enter";

/** Ctrl+Enter (Cmd+Enter on a Mac) in a message box submits its form, as in every chat tool. */
export function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/** The participants' chat: Enter sends and Shift+Enter starts a new line, as in every messenger (Ctrl/Cmd+Enter too). */
export function submitOnEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== "Enter" || event.shiftKey || event.altKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}
