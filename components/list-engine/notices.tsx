import type { ListNotice } from "@/lib/list-engine/url-state";
import type { ListWords } from "./list-words";

/** What the URL asked for that could not be shown, and what is shown instead. */
export function ListNotices({ t, notices }: { t: ListWords; notices: readonly ListNotice[] }) {
  if (!notices.length) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-medium">{t("noticeTitle")}</p>
      <ul className="list-disc ps-5">
        {notices.map((notice) => (
          <li key={notice}>{t(`notice_${notice}`)}</li>
        ))}
      </ul>
    </div>
  );
}
