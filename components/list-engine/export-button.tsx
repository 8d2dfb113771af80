"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";
import type { ListWords } from "./list-words";

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/** BULK-3: downloads the export, showing how much has arrived while the server streams it. */
export function ExportButton({ t, href, label, fileName }: { t: ListWords; href: string; label: string; fileName: string }) {
  const common = useT("common");
  const locale = useLocale();
  const [received, setReceived] = useState<number | null>(null);

  const download = async () => {
    setReceived(0);
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) {
        // The route answers refusals (403) and bad requests (400) with a localized sentence.
        const message = response.status < 500 ? (await response.text()).slice(0, 200) : "";
        toast.error(message || common("errorBody"));
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        chunks.push(next.value);
        total += next.value.byteLength;
        setReceived(total);
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? undefined }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, fileName);
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      toast.error(common("errorBody"));
    } finally {
      setReceived(null);
    }
  };

  return (
    <Button onClick={() => void download()} disabled={received !== null} aria-live="polite">
      {received === null ? label : t("exporting", { size: formatNumber(locale, Math.round(received / 1024)) })}
    </Button>
  );
}
