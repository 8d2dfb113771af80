import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { THEME_COOKIE, isTheme, type Theme } from "./theme";

export const getTheme = cache(async (): Promise<Theme> => {
  const value = (await cookies()).get(THEME_COOKIE)?.value;
  return isTheme(value) ? value : "light";
});
