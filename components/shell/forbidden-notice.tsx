"use client";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/** A staff member on a page their role may not see, inside the panel's shell (a client component for the reason MessagePage is one). */
export function ForbiddenNotice() {
  const t = useT("common");
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
