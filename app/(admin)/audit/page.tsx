import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import { auditList } from "@/lib/audit-log/list";
import { auditSource } from "@/lib/audit-log/list-source";
import { getTranslator } from "@/lib/i18n/server";
import { loadListPage } from "@/lib/list-engine/list-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("auditTitle") };
}

/** The audit log: everything staff changed or exported, for admins. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { view, columnsCookie, canExport } = await loadListPage(auditList, auditSource, await searchParams);
  return <AuditView view={view} columnsCookie={columnsCookie} canExport={canExport} />;
}
