"use client";
import { useEffect, useRef, useState } from "react";

export type LiveEvent = { type: "message" | "read" | "session" | "settings" | "resync"; data: { sessionId?: number; messageId?: number; senderId?: number } };
/** "live" while the stream is open (or still opening for the first time), "reconnecting" after it dropped. */
export type LiveState = "live" | "reconnecting";

/** After the server closed the stream for good (an error status), try again this much later. */
const REOPEN_AFTER_MS = 5000;

/**
 * Listens to the server's event stream; EventSource reconnects (with Last-Event-ID) by itself,
 * and is reopened when the server refused it. Says whether the stream is down, so the page can.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, onReconnected?: () => void): LiveState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const reconnected = useRef(onReconnected);
  reconnected.current = onReconnected;
  const [state, setState] = useState<LiveState>("live");
  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const types: LiveEvent["type"][] = ["message", "read", "session", "settings", "resync"];
    const listen = (type: LiveEvent["type"]) => (message: MessageEvent<string>) => {
      try {
        handler.current({ type, data: JSON.parse(message.data) as LiveEvent["data"] });
      } catch {
        // not JSON: ignore
      }
    };
    const open = () => {
      source = new EventSource("/api/events");
      for (const type of types) source.addEventListener(type, listen(type));
      source.onopen = () => {
        setState("live");
        if (dropped) reconnected.current?.();
        dropped = false;
      };
      source.onerror = () => {
        dropped = true;
        setState("reconnecting");
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        }
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, []);
  return state;
}
