import type { Metadata } from "next";
import { headers } from "next/headers";
import Script from "next/script";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { ZOD_JITLESS_SCRIPT, nonceOf } from "@/lib/http/content-security-policy";
import { RequestIdProvider } from "@/components/shell/request-reference";
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
  const [locale, theme, requestHeaders] = await Promise.all([getLocale(), getTheme(), headers()]);
  const dir = directionOf(locale);
  return (
    <html lang={locale} dir={dir} className={theme === "dark" ? "dark" : undefined}>
      <body className="min-h-screen">
        <Script id="zod-jitless" strategy="beforeInteractive" nonce={nonceOf(requestHeaders.get("content-security-policy"))}>
          {ZOD_JITLESS_SCRIPT}
        </Script>
        <LocaleProvider locale={locale}>
          <RequestIdProvider id={requestHeaders.get("x-request-id")}>{children}</RequestIdProvider>
          <Toaster dir={dir} position={dir === "rtl" ? "bottom-left" : "bottom-right"} richColors closeButton />
        </LocaleProvider>
      </body>
    </html>
  );
}
