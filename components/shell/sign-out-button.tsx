"use client";
import { signOut } from "next-auth/react";
import { buttonClass } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export function SignOutButton() {
  const t = useT("shell");
  return (
    <button type="button" className={buttonClass("ghost")} onClick={() => signOut({ callbackUrl: "/sign-in" })}>
      {t("signOut")}
    </button>
  );
}
