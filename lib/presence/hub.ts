import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import { eventBus } from "@/lib/realtime/bus";
import { PresenceHub } from "./presence-hub";

/** This instance's presence hub. */
export function presenceHub(): PresenceHub {
  return processSingleton("presenceHub", () => new PresenceHub(eventBus()).start());
}
