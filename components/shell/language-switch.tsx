"use client";
import { setLocale } from "@/lib/preferences/actions";
import { useLocale, useT } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/config";
import { buttonClass } from "@/components/ui/button";

/** The other language, one click away; a plain form, so it works before (or without) scripts. */
export function LanguageSwitch() {
  const t = useT("shell");
  const other: Locale = useLocale() === "ar" ? "en" : "ar";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className={buttonClass("ghost")} lang={other} aria-label={`${t("language")}: ${t("switchToOther")}`}>
        {t("switchToOther")}
      </button>
    </form>
  );
}
