/** The panel's icons: app/icons.css draws each, sized by the control that holds it. */
export type IconName = "eye" | "messages" | "order" | "edit" | "delete" | "more" | "take" | "release";

export function Icon({ name }: { name: IconName }) {
  return <i data-icon={name} />;
}
