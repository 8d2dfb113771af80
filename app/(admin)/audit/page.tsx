import type { Metadata } from "next";
import { ResourceTable } from "@/components/resource/resource-table";
import { ExactTime } from "@/components/ui/relative-time";
import { AUDIT_ACTIONS, AUDIT_SORTS, listAuditLog } from "@/lib/audit-log/queries";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { parseResourceParams, resourceLinks } from "@/lib/resources/resource-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("resources"))("auditTitle") };
}

/** The audit log: every destructive, bulk and settings action, for admins. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit.view");
  const params = parseResourceParams(await searchParams, { sorts: AUDIT_SORTS, filters: AUDIT_ACTIONS, defaultSort: "time", defaultDir: "desc" });
  const [t, { rows, hasMore }] = await Promise.all([getTranslator("resources"), listAuditLog(params)]);
  const { href, pages } = resourceLinks("/audit", params, "desc");
  return (
    <ResourceTable
      title={t("auditTitle")}
      rows={rows}
      rowKey={(row) => row.id}
      search={{ value: params.q, label: t("auditSearch"), placeholder: t("auditSearch") }}
      filter={{ name: "filter", label: t("auditAction"), value: params.filter, options: AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit_${action}`) })) }}
      hidden={{ sort: params.sort, dir: params.dir }}
      empty={t("auditEmpty")}
      {...pages(hasMore)}
      columns={[
        { key: "time", header: t("date"), sortHref: href({ dir: params.dir === "desc" ? "asc" : "desc", page: 1 }), sorted: params.dir, cell: (row) => <ExactTime value={row.createdAt} /> },
        { key: "actor", header: t("auditActor"), cell: (row) => row.actorName ?? "—" },
        { key: "action", header: t("auditAction"), cell: (row) => ((AUDIT_ACTIONS as readonly string[]).includes(row.action) ? t(`audit_${row.action as (typeof AUDIT_ACTIONS)[number]}`) : row.action) },
        { key: "target", header: t("auditTarget"), cell: (row) => `${row.targetType}${row.targetId ? ` #${row.targetId}` : ""}` },
        { key: "details", header: t("auditDetails"), cell: (row) => <code dir="ltr" className="block max-w-md truncate text-xs" title={JSON.stringify(row.details)}>{JSON.stringify(row.details)}</code> },
      ]}
    />
  );
}
