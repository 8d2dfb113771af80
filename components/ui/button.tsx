import type { ButtonHTMLAttributes } from "react";

// The looks are in app/globals.css (.btn, .btn-<variant>): a page has a few dozen buttons, and
// each would otherwise carry its whole class list in the HTML.
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

export function buttonClass(variant: ButtonVariant = "secondary", extra = ""): string {
  return extra ? `btn btn-${variant} ${extra}` : `btn btn-${variant}`;
}

export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
