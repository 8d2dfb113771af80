import { usersList } from "@/components/users/users-list";
import { resourceExportRoute } from "@/lib/resources/resource-export";

export const dynamic = "force-dynamic";

export const GET = resourceExportRoute(usersList);
