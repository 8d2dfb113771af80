import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { loadOrUnavailable } from "@/components/shell/database-unavailable";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage() {
  // With a session cookie the user is looked up: while the database is down, say so (503).
  const signedIn = await loadOrUnavailable(getCurrentUser);
  if ("unavailable" in signedIn) return signedIn.unavailable;
  if (signedIn.loaded) redirect("/");
  const t = await getTranslator("auth");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">{t("signInTitle")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">{t("signInSubtitle")}</p>
        <SignInForm />
      </div>
      <LanguageSwitch />
    </main>
  );
}
