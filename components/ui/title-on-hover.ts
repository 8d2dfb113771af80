import type { MouseEvent } from "react";

/**
 * An element's title (the browser's tooltip), written when the pointer first arrives rather than
 * with the page: on every row of a list, titles repeated what the rows already show (issue 16's
 * lighter page). The browser reads the title only when it shows the tooltip, after that.
 */
export function titleOnHover(text: () => string) {
  return (event: MouseEvent<HTMLElement>) => {
    event.currentTarget.title ||= text();
  };
}
