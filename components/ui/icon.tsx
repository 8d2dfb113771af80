/**
 * The panel's icons, drawn once in a static sprite (public/icons.svg, lucide's shapes) that the
 * browser fetches and caches once: a page of 25 rows carries a short <use> per icon, not its paths.
 * Sized by the control that holds it (.icon-button, [role=menuitem] in app/globals.css).
 */
export type IconName = "eye" | "messages" | "order" | "edit" | "delete" | "more" | "take" | "release";

export function Icon({ name }: { name: IconName }) {
  return (
    <svg aria-hidden="true">
      <use href={`/icons.svg#${name}`} />
    </svg>
  );
}
