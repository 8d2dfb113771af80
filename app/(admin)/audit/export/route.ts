import { auditList } from "@/components/audit/audit-list";
import { resourceExportRoute } from "@/lib/resources/resource-export";

export const dynamic = "force-dynamic";

export const GET = resourceExportRoute(auditList);
