import { setTheme } from "@/lib/preferences/actions";
import { translatorFor } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import type { Theme } from "@/lib/preferences/theme";
import { buttonClass } from "@/components/ui/button";

export function ThemeToggle({ locale, theme }: { locale: Locale; theme: Theme }) {
  const t = translatorFor(locale, "shell");
  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <form action={setTheme}>
      <input type="hidden" name="theme" value={next} />
      <button type="submit" className={buttonClass("ghost")} aria-pressed={theme === "dark"}>
        <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span>
        <span className="sr-only sm:not-sr-only">{next === "dark" ? t("themeDark") : t("themeLight")}</span>
      </button>
    </form>
  );
}
