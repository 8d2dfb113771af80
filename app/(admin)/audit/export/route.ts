import { auditList } from "@/lib/audit-log/list";
import { auditSource } from "@/lib/audit-log/list-source";
import { listExportRoute } from "@/lib/list-engine/export-route";

export const dynamic = "force-dynamic";

export const GET = listExportRoute(auditList, auditSource);
