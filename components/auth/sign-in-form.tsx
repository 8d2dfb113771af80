"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-schema";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { SIGN_IN_LOCKED } from "@/lib/auth/sign-in-throttle";

export function SignInForm() {
  const t = useT("auth");
  const words = useUncheckedT("auth");
  const router = useRouter();
  const callbackUrl = useSearchParams().get("callbackUrl");
  const [failure, setFailure] = useState<"wrongCredentials" | "tooManyAttempts" | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(result?.error === SIGN_IN_LOCKED ? "tooManyAttempts" : "wrongCredentials");
      return;
    }
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  });

  const errorText = (key: string | undefined) => (key ? words(key) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {t(failure)}
        </p>
      ) : null}
      <TextField id="email" type="email" autoComplete="username" dir="ltr" label={t("email")} error={errorText(errors.email?.message)} registration={register("email")} />
      <TextField
        id="password"
        type="password"
        autoComplete="current-password"
        dir="ltr"
        label={t("password")}
        error={errorText(errors.password?.message)}
        registration={register("password")}
      />
      <Button type="submit" variant="primary" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
