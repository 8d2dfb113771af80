"use client";
import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

/**
 * A conversation read top to bottom, oldest first: its scroller goes to the newest message when
 * one arrives (and on opening), and keeps the reader's place when earlier messages are added above.
 */
export function useScrollToNewest(scroller: RefObject<HTMLElement | null>, newestId: number | undefined, oldestId: number | undefined): void {
  const shown = useRef<{ newestId?: number; oldestId?: number }>({});
  const place = useRef({ height: 0, top: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (newestId !== shown.current.newestId) element.scrollTop = element.scrollHeight;
    else if (oldestId !== shown.current.oldestId) element.scrollTop = place.current.top + (element.scrollHeight - place.current.height);
    shown.current = { newestId, oldestId };
  }, [scroller, newestId, oldestId]);
  // After every render: where the reader is, for the next prepend.
  useEffect(() => {
    const element = scroller.current;
    if (element) place.current = { height: element.scrollHeight, top: element.scrollTop };
  });
}
