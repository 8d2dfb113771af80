"use client";
import { useCallback, useMemo } from "react";
import { ListView, type ListViewState } from "@/components/list-engine/list-view";
import { useResourceText } from "@/components/list-engine/use-resource-text";
import { auditList, type AuditRow } from "@/lib/audit-log/list";

type Props = { view: ListViewState<AuditRow, keyof typeof auditList.sorts, typeof auditList.filters>; columnsCookie: string; canExport: boolean };

/** The audit log on the engine's screen; an entry opens its actor's page. */
export function AuditView(props: Props) {
  const { t, text } = useResourceText("audit", "audit_");
  const cells = useMemo(
    () => ({
      details: (row: AuditRow) => (
        <code dir="ltr" className="block max-w-md truncate text-xs" title={JSON.stringify(row.details)}>
          {JSON.stringify(row.details)}
        </code>
      ),
    }),
    [],
  );
  const openHref = useCallback((row: AuditRow) => (row.actorId ? `/users/${row.actorId}` : "/audit"), []);
  return <ListView declaration={auditList} t={t} text={text} cells={cells} openHref={openHref} {...props} />;
}
