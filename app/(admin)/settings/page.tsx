import type { Metadata } from "next";
import { MobileChatSetting } from "@/components/settings/mobile-chat-setting";
import { WaitingThresholdsSetting } from "@/components/settings/waiting-thresholds-setting";
import { requirePagePermission } from "@/lib/auth/current-user";
import { titleOfGuardedPage } from "@/lib/auth/page-title";
import { getTranslator } from "@/lib/i18n/server";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";
import { getWaitingThresholds } from "@/lib/settings/waiting-thresholds";

export const generateMetadata = (): Promise<Metadata> => titleOfGuardedPage("settings.manage", async () => (await getTranslator("settings"))("title"));

/** SET-1: system settings, admins only. */
export default async function SettingsPage() {
  await requirePagePermission("settings.manage");
  const [t, enabled, thresholds] = await Promise.all([getTranslator("settings"), isMobileChatEnabled(), getWaitingThresholds()]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="chat-settings" className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="chat-settings" className="mb-3 text-lg font-semibold">
          {t("chatSection")}
        </h2>
        <MobileChatSetting enabled={enabled} />
      </section>
      <section aria-labelledby="waiting-settings" className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
        <h2 id="waiting-settings" className="mb-3 text-lg font-semibold">
          {t("waitingSection")}
        </h2>
        <WaitingThresholdsSetting thresholds={thresholds} />
      </section>
    </div>
  );
}
