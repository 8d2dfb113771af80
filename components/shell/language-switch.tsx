import { setLocale } from "@/lib/preferences/actions";
import { translatorFor } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import { buttonClass } from "@/components/ui/button";

export function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = translatorFor(locale, "shell");
  const other: Locale = locale === "ar" ? "en" : "ar";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className={buttonClass("ghost")} lang={other} aria-label={`${t("language")}: ${t("switchToOther")}`}>
        {t("switchToOther")}
      </button>
    </form>
  );
}
