import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("common"))("forbiddenTitle") };
}

/**
 * A staff member on a page their role may not see: answered 403, inside the panel's shell. A
 * server component, unlike the root notices (MessagePage): as a client component its chunk was one
 * the browser fetched on every panel page through Turbopack's loader, a script without the page's
 * nonce (tests/e2e/csp.spec.ts).
 */
export default async function AdminForbidden() {
  const t = await getTranslator("common");
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center" data-testid="forbidden">
      <h1 id="forbidden-title" className="text-2xl font-semibold">
        {t("forbiddenTitle")}
      </h1>
      <p className="text-slate-700 dark:text-slate-300">{t("forbiddenPageBody")}</p>
      <Link href="/" className={buttonClass("primary")}>
        {t("backHome")}
      </Link>
    </section>
  );
}
