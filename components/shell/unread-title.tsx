"use client";
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";

/** "(12) " before any title; matched to take off a previous count before another is put on. */
const COUNT_PREFIX = /^\(\S+\) /;
const ICON_SIZE = 64;

/** The panel's icon with the count on a red disc, as a data URL (the plain icon when there is nothing unread). */
async function iconWithCount(text: string): Promise<string> {
  const image = new Image();
  image.src = "/icon.svg";
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = ICON_SIZE;
  canvas.height = ICON_SIZE;
  const context = canvas.getContext("2d");
  if (!context) return "/icon.svg";
  context.drawImage(image, 0, 0, ICON_SIZE, ICON_SIZE);
  context.fillStyle = "#b91c1c";
  context.beginPath();
  context.arc(ICON_SIZE - 20, 20, 20, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = "#ffffff";
  context.font = `bold ${text.length > 2 ? 18 : 24}px sans-serif`;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(text, ICON_SIZE - 20, 21);
  return canvas.toDataURL("image/png");
}

/**
 * Issue 19: the browser tab's title and icon carry the unread total (NAV-2's), live: "(12) …".
 * Screen readers hear the new total once, politely, when it changes — not on every event and not
 * on the first render. Next re-renders <title> on navigation and refresh, so the count is put back
 * whenever the title changes under it.
 */
export function UnreadTitle({ total }: { total: number }) {
  const locale = useLocale();
  const t = useT("shell");
  const [announced, setAnnounced] = useState("");
  const previous = useRef<number | null>(null);
  const shown = formatNumber(locale, total);

  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_PREFIX, "");
      const wanted = total > 0 ? `(${shown}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [total, shown]);

  useEffect(() => {
    let cancelled = false;
    const link = document.querySelector<HTMLLinkElement>("link[rel='icon'][data-unread]") ?? document.head.appendChild(Object.assign(document.createElement("link"), { rel: "icon" }));
    link.dataset.unread = String(total);
    if (total === 0) link.href = "/icon.svg";
    else void iconWithCount(total > 99 ? "99+" : String(total)).then(
        (href) => {
          if (!cancelled) link.href = href;
        },
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [total]);

  useEffect(() => {
    if (previous.current !== null && previous.current !== total) setAnnounced(t("unreadBadgeLabel", { count: total }));
    previous.current = total;
  }, [total, t]);

  return (
    <p aria-live="polite" className="sr-only" data-testid="unread-title-announcement">
      {announced}
    </p>
  );
}
