import type { Metadata } from "next";
import type { ReactNode } from "react";
import { MobileChatSetting } from "@/components/settings/mobile-chat-setting";
import { WaitingThresholdsSetting } from "@/components/settings/waiting-thresholds-setting";
import { requirePagePermission } from "@/lib/auth/current-user";
import { titleOfGuardedPage } from "@/lib/auth/page-title";
import { getTranslator } from "@/lib/i18n/server";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";
import { getWaitingThresholds } from "@/lib/settings/waiting-thresholds";

export const generateMetadata = (): Promise<Metadata> => titleOfGuardedPage("settings.manage", async () => (await getTranslator("settings"))("title"));

function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** SET-1: system settings, admins only; issue 19's waiting thresholds. */
export default async function SettingsPage() {
  await requirePagePermission("settings.manage");
  const [t, enabled, thresholds] = await Promise.all([getTranslator("settings"), isMobileChatEnabled(), getWaitingThresholds()]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <SettingsSection id="chat-settings" title={t("chatSection")}>
        <MobileChatSetting enabled={enabled} />
      </SettingsSection>
      <SettingsSection id="waiting-settings" title={t("waitingSection")}>
        <WaitingThresholdsSetting thresholds={thresholds} />
      </SettingsSection>
    </div>
  );
}
