"use client";
import { buttonClass } from "@/components/ui/button";
import { OPTIONAL_COLUMNS, type OptionalColumn } from "@/lib/chat-sessions/list-params";
import { useT } from "@/lib/i18n/client";

/** COL-7/COL-8 are hidden until the user shows them; the choice goes in the URL and a cookie. */
export function ColumnMenu({ cookie, visible, onChange }: { cookie: string; visible: OptionalColumn[]; onChange: (columns: OptionalColumn[]) => void }) {
  const t = useT("chatSessions");
  const toggle = (column: OptionalColumn, shown: boolean) => {
    const next = OPTIONAL_COLUMNS.filter((c) => (c === column ? shown : visible.includes(c)));
    document.cookie = `${cookie}=${next.join(",")}; path=/; max-age=31536000; samesite=lax`;
    onChange(next);
  };
  return (
    <details className="relative">
      <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>{t("columnsButton")}</summary>
      <div className="absolute end-0 z-20 mt-1 w-56 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {OPTIONAL_COLUMNS.map((column) => (
          <label key={column} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4" checked={visible.includes(column)} onChange={(event) => toggle(column, event.target.checked)} />
            {t(column === "createdAt" ? "colCreatedAt" : "colUpdatedAt")}
          </label>
        ))}
      </div>
    </details>
  );
}
