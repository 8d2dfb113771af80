/**
 * A staff page's tab title: `text`, after the user's live unread total ("(2,220) …", issue 19)
 * when they have unread messages. The total is added in the browser, so a title is either.
 */
export function staffTitle(text: string): RegExp {
  return new RegExp(`^(\\([\\d,٬٠-٩]+\\) )?${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
