import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/shell/forbidden-notice";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("common"))("forbiddenTitle") };
}

/** A staff member on a page their role may not see: answered 403, inside the panel's shell. */
export default function AdminForbidden() {
  return <ForbiddenNotice />;
}
