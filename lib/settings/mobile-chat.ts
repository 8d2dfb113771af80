import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { publishEvent } from "@/lib/realtime/bus";

export const MOBILE_CHAT_KEY = "mobileChatEnabled";

/** SET-1: whether customers and vendors may chat (the app and the web chat); on unless turned off. */
export async function isMobileChatEnabled(): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: MOBILE_CHAT_KEY } });
  return setting ? setting.value !== false : true;
}

export async function setMobileChatEnabled(enabled: boolean, actorId: number): Promise<{ enabled: boolean }> {
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: MOBILE_CHAT_KEY }, create: { key: MOBILE_CHAT_KEY, value: enabled }, update: { value: enabled } });
    await audit(tx, { actorId, action: "settings.mobileChat", targetType: "setting", targetId: MOBILE_CHAT_KEY, details: { enabled } });
  });
  await publishEvent({ type: "settings" });
  return { enabled };
}
