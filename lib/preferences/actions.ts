"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { THEME_COOKIE, isTheme } from "./theme";

const ONE_YEAR = 60 * 60 * 24 * 365;
const cookieOptions = { maxAge: ONE_YEAR, path: "/", sameSite: "lax" as const, httpOnly: false };

// Preferences are cookies so the server renders the right language, direction and theme
// on the first byte (no flash); they carry no authority, so anyone may set them.
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, cookieOptions);
  revalidatePath("/", "layout");
}

export async function setTheme(formData: FormData): Promise<void> {
  const theme = formData.get("theme");
  if (!isTheme(theme)) return;
  (await cookies()).set(THEME_COOKIE, theme, cookieOptions);
  revalidatePath("/", "layout");
}
