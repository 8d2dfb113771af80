"use client";
import { useEffect, useRef, useState } from "react";

export type LiveEvent = { type: "message" | "read" | "session" | "settings" | "resync"; data: { sessionId?: number; messageId?: number; senderId?: number } };
/** "live" while the stream is open (or still opening for the first time), "reconnecting" after it dropped. */
export type LiveState = "live" | "reconnecting";

/** After the server closed the stream for good (an error status), try again this much later. */
const REOPEN_AFTER_MS = 5000;
const TYPES: LiveEvent["type"][] = ["message", "read", "session", "settings", "resync"];

type Subscriber = { event: (event: LiveEvent) => void; reconnected: () => void; state: (state: LiveState) => void };

/**
 * One event stream per page, shared by every part that listens (the page's refresh, the queue
 * tabs' counts…): a browser keeps six connections per host over HTTP/1.1, so a stream each would
 * leave a page, and the user's other tabs, too few for everything else.
 */
const shared = {
  subscribers: new Set<Subscriber>(),
  source: null as EventSource | null,
  reopen: undefined as ReturnType<typeof setTimeout> | undefined,
  dropped: false,
  state: "live" as LiveState,
};

function setState(state: LiveState) {
  shared.state = state;
  for (const subscriber of shared.subscribers) subscriber.state(state);
}

function open() {
  const source = new EventSource("/api/events");
  shared.source = source;
  for (const type of TYPES) {
    source.addEventListener(type, (message: MessageEvent<string>) => {
      let data: LiveEvent["data"];
      try {
        data = JSON.parse(message.data) as LiveEvent["data"];
      } catch {
        return; // not JSON: ignore
      }
      for (const subscriber of shared.subscribers) subscriber.event({ type, data });
    });
  }
  source.onopen = () => {
    setState("live");
    if (shared.dropped) for (const subscriber of shared.subscribers) subscriber.reconnected();
    shared.dropped = false;
  };
  source.onerror = () => {
    shared.dropped = true;
    setState("reconnecting");
    if (source.readyState === EventSource.CLOSED) {
      source.close();
      shared.source = null;
      shared.reopen = setTimeout(() => {
        shared.reopen = undefined;
        open();
      }, REOPEN_AFTER_MS);
    }
  };
}

function close() {
  clearTimeout(shared.reopen);
  shared.reopen = undefined;
  shared.source?.close();
  shared.source = null;
  shared.dropped = false;
  shared.state = "live";
}

/**
 * Listens to the server's event stream; EventSource reconnects (with Last-Event-ID) by itself,
 * and is reopened when the server refused it. Says whether the stream is down, so the page can.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, onReconnected?: () => void): LiveState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const reconnected = useRef(onReconnected);
  reconnected.current = onReconnected;
  const [state, setLocalState] = useState<LiveState>(shared.state);
  useEffect(() => {
    const subscriber: Subscriber = { event: (event) => handler.current(event), reconnected: () => reconnected.current?.(), state: setLocalState };
    shared.subscribers.add(subscriber);
    if (!shared.source && shared.reopen === undefined) open();
    setLocalState(shared.state);
    return () => {
      shared.subscribers.delete(subscriber);
      if (shared.subscribers.size === 0) close();
    };
  }, []);
  return state;
}
