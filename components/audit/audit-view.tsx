"use client";
import { useCallback, useMemo } from "react";
import { ListView, type ListViewState } from "@/components/list-engine/list-view";
import { useResourceText } from "@/components/list-engine/use-resource-text";
import { auditList, isKnownAction, type AuditRow } from "@/lib/audit-log/list";
import { AuditEntrySentence, AuditRawDetails } from "./audit-entry-cell";

type Props = { view: ListViewState<AuditRow, keyof typeof auditList.sorts, typeof auditList.filters>; columnsCookie: string; canExport: boolean };

/** The audit log on the engine's screen; an entry opens its actor's page. */
export function AuditView(props: Props) {
  const { t, text } = useResourceText("audit", "audit_");
  const cells = useMemo(
    () => ({
      // On screen the entry reads as a sentence that names and links its target; the export keeps the plain columns.
      action: (row: AuditRow) => <AuditEntrySentence entry={row} actionLabel={isKnownAction(row.action) ? text.words(`audit_${row.action}`) : row.action} />,
      details: (row: AuditRow) => <AuditRawDetails details={row.details} />,
    }),
    [text],
  );
  const openHref = useCallback((row: AuditRow) => (row.actorId ? `/users/${row.actorId}` : "/audit"), []);
  return <ListView declaration={auditList} t={t} text={text} cells={cells} openHref={openHref} {...props} />;
}
