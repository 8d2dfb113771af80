import { renderResourceList, resourceMetadata, type RawSearchParams } from "@/components/resource/resource-list";
import { usersList } from "@/components/users/users-list";

export const generateMetadata = resourceMetadata(usersList);

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return renderResourceList(usersList, await searchParams);
}
