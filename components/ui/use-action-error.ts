"use client";
import { useMemo } from "react";
import { toast } from "sonner";
import type { ActionError } from "@/lib/actions/result";
import { catalogOfError } from "@/lib/errors";
import { catalogs } from "@/lib/i18n/catalogs";
import { useLocale } from "@/lib/i18n/client";
import type { Messages } from "@/lib/i18n/define";
import { makeTranslate } from "@/lib/i18n/translate";

/**
 * The one mapping from an action's error to words on the client: `text` for a page that shows it
 * in place, `toast` for a refusal or failure reported as a toast. The sentence is the error's key
 * in the catalog lib/errors.ts names for it, in the page's language.
 */
export function useActionError(): { text: (error: ActionError) => string; toast: (error: ActionError) => void } {
  const locale = useLocale();
  return useMemo(() => {
    const text = (error: ActionError) => makeTranslate(locale, catalogs[catalogOfError(error.message)][locale] as Messages)(error.message);
    return { text, toast: (error: ActionError) => void toast.error(text(error)) };
  }, [locale]);
}
