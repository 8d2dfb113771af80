"use client";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { CatalogOf } from "@/lib/i18n/catalogs";
import { useT } from "@/lib/i18n/client";
import { RequestReference } from "./request-reference";

type CommonWord = keyof CatalogOf<"common"> & string;

/**
 * A full-page notice (no access, not found, error) with a way out; a failure's carries the request's
 * reference for support. Drawn in the browser's words: Next renders the not-found and forbidden
 * notices into every page's payload, so they cost a page no server work of their own.
 */
export function MessagePage({ title, body, homeLink = false, reference = false }: { title: CommonWord; body: CommonWord; homeLink?: boolean; reference?: boolean }) {
  const t = useT("common");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t(title)}</h1>
      <p className="max-w-md text-slate-700 dark:text-slate-300">{t(body)}</p>
      {reference ? <RequestReference /> : null}
      <div className="flex gap-2">
        {homeLink ? (
          <Link href="/" className={buttonClass("primary")}>
            {t("backHome")}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
