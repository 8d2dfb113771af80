import "server-only";
import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/server";
import { can, type Permission } from "@/lib/permissions";
import { getCurrentUser } from "./current-user";

/**
 * The tab title of a page that needs `permission`. A staff member the page refuses gets the
 * "No access" title the page shows (throwing forbidden() from metadata would title it "not
 * found"); the title itself is computed only for those who may see it.
 */
export async function titleOfGuardedPage(permission: Permission, title: () => Promise<string>): Promise<Metadata> {
  const user = await getCurrentUser();
  if (user && !can(user.role, permission)) return { title: (await getTranslator("common"))("forbiddenTitle") };
  return { title: await title() };
}
