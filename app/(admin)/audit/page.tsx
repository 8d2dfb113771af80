import { auditList } from "@/components/audit/audit-list";
import { renderResourceList, resourceMetadata, type RawSearchParams } from "@/components/resource/resource-list";

export const generateMetadata = resourceMetadata(auditList);

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return renderResourceList(auditList, await searchParams);
}
