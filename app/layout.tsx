import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { LocaleProvider } from "@/lib/i18n/client";
import { directionOf } from "@/lib/i18n/config";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getTheme } from "@/lib/preferences/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, theme] = await Promise.all([getLocale(), getTheme()]);
  const dir = directionOf(locale);
  return (
    <html lang={locale} dir={dir} className={theme === "dark" ? "dark" : undefined}>
      <body className="min-h-screen">
        <LocaleProvider locale={locale}>
          {children}
          <Toaster dir={dir} position={dir === "rtl" ? "bottom-left" : "bottom-right"} richColors closeButton />
        </LocaleProvider>
      </body>
    </html>
  );
}
