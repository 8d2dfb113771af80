import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { titleOfGuardedPage } from "@/lib/auth/page-title";
import { getTranslator } from "@/lib/i18n/server";
import type { Permission } from "@/lib/permissions";

type RecordPageProps = { params: Promise<{ id: string }> };

/**
 * The browser tab of a record's page names the record, so staff with many tabs open can tell
 * them apart; a missing record's tab says so, as its 404 page does. Staff the page refuses get
 * its "No access" title (titleOfGuardedPage), so a title never names what the page would refuse;
 * signed out, the page sends to sign-in before anything is named. `load` is the page's own
 * cached query, so the title costs no extra round trip.
 */
export function recordMetadata<Row>(permission: Permission, load: (rawId: string) => Promise<Row | null>, title: (row: Row) => Promise<string>) {
  return async ({ params }: RecordPageProps): Promise<Metadata> =>
    titleOfGuardedPage(permission, async () => {
      await requirePagePermission(permission);
      const row = await load((await params).id);
      return row ? await title(row) : (await getTranslator("common"))("notFoundTitle");
    });
}
