import { listExportRoute } from "@/lib/list-engine/export-route";
import { usersList } from "@/lib/users/list";
import { usersSource } from "@/lib/users/list-source";

export const dynamic = "force-dynamic";

export const GET = listExportRoute(usersList, usersSource);
