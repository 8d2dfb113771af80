"use client";
import { setTheme } from "@/lib/preferences/actions";
import { useT } from "@/lib/i18n/client";
import type { Theme } from "@/lib/preferences/theme";
import { buttonClass } from "@/components/ui/button";

export function ThemeToggle({ theme }: { theme: Theme }) {
  const t = useT("shell");
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
