"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";

// The id of the request that rendered the page (X-Request-Id, also on the server's log line), so
// that a user who meets an error page can quote it to support.

const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ id, children }: { id: string | null; children: ReactNode }) {
  return <RequestIdContext.Provider value={id}>{children}</RequestIdContext.Provider>;
}

export function RequestReference() {
  const id = useContext(RequestIdContext);
  const t = useT("common");
  if (!id) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="request-reference">
      {t("supportReference")}{" "}
      <span dir="ltr" className="font-mono select-all">
        {id}
      </span>
    </p>
  );
}
