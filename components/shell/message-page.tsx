import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getTranslator } from "@/lib/i18n/server";
import { RequestReference } from "./request-reference";

/** A full-page notice (no access, not found, error) with a way out; a failure's carries the request's reference for support. */
export async function MessagePage({ title, body, homeLink = false, reference = false }: { title: string; body: string; homeLink?: boolean; reference?: boolean }) {
  const t = await getTranslator("common");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="max-w-md text-slate-700 dark:text-slate-300">{body}</p>
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
