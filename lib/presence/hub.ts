import "server-only";
import { eventBus } from "@/lib/realtime/bus";
import { PresenceHub } from "./presence-hub";

const globalForPresence = globalThis as unknown as { presenceHub?: PresenceHub };

/** This instance's presence hub (kept on globalThis: dev reloads modules, the hub stays one). */
export function presenceHub(): PresenceHub {
  return (globalForPresence.presenceHub ??= new PresenceHub(eventBus()).start());
}
