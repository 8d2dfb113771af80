"use client";
import { useEffect, useRef } from "react";

export type LiveEvent = { type: "message" | "read" | "session" | "settings" | "resync"; data: { sessionId?: number; messageId?: number; senderId?: number } };

/** Listens to the server's event stream; EventSource reconnects (with Last-Event-ID) by itself. */
export function useLiveEvents(onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource("/api/events");
    const listen = (type: LiveEvent["type"]) => (message: MessageEvent<string>) => {
      try {
        handler.current({ type, data: JSON.parse(message.data) as LiveEvent["data"] });
      } catch {
        // not JSON: ignore
      }
    };
    const types: LiveEvent["type"][] = ["message", "read", "session", "settings", "resync"];
    const listeners = types.map((type) => [type, listen(type)] as const);
    for (const [type, listener] of listeners) source.addEventListener(type, listener);
    return () => source.close();
  }, []);
}
