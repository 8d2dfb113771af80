import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { eventBus, publishEvent } from "@/lib/realtime/bus";

const MOBILE_CHAT_KEY = "mobileChatEnabled";

// Every chat request asks; the answer is kept for at most a second, and forgotten at once when
// any instance announces a settings change on the bus.
const FRESH_MS = 1000;
let cached: { enabled: boolean; at: number } | null = null;
let reading: Promise<boolean> | null = null;
let generation = 0;
/** Forgets the kept answer and any read begun before now (it may predate the change). */
function invalidate() {
  cached = null;
  reading = null;
  generation += 1;
}
let watching = false;

function watchForChanges() {
  if (watching) return;
  watching = true;
  eventBus().subscribe((event) => {
    if (event.type === "settings") invalidate();
  });
}

/** SET-1: whether customers and vendors may chat (the app and the web chat); on unless turned off. */
export async function isMobileChatEnabled(): Promise<boolean> {
  watchForChanges();
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.enabled;
  // One read at a time: the requests (or streams, on a settings event) asking meanwhile share it.
  if (reading) return reading;
  const started = generation;
  const read: Promise<boolean> = (async () => {
    try {
      const setting = await db.setting.findUnique({ where: { key: MOBILE_CHAT_KEY } });
      const enabled = setting ? setting.value !== false : true;
      if (generation === started) cached = { enabled, at: Date.now() };
      return enabled;
    } finally {
      if (generation === started) reading = null;
    }
  })();
  reading = read;
  return read;
}

/** Forget the kept answer (tests that write the setting straight into the database). */
export function forgetMobileChatSetting(): void {
  invalidate();
}

export async function setMobileChatEnabled(enabled: boolean, actorId: number): Promise<{ enabled: boolean }> {
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: MOBILE_CHAT_KEY }, create: { key: MOBILE_CHAT_KEY, value: enabled }, update: { value: enabled } });
    await audit(tx, { actorId, action: "settings.mobileChat", targetType: "setting", targetId: MOBILE_CHAT_KEY, details: { enabled } });
  });
  invalidate();
  await publishEvent({ type: "settings" });
  return { enabled };
}
