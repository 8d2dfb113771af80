import type { ReactNode } from "react";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { setResponseStatus } from "@/lib/http/response-status";
import { MessagePage } from "./message-page";

/**
 * Loads what a layout needs. With the database down, the localized notice instead, answered 503
 * with Retry-After (see lib/http/response-status.ts); any other failure goes on to the error page.
 */
export async function loadOrUnavailable<T>(load: () => Promise<T>): Promise<{ loaded: T } | { unavailable: ReactNode }> {
  try {
    return { loaded: await load() };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    setResponseStatus(503, { "retry-after": "5" });
    return { unavailable: <MessagePage title="errorTitle" body="databaseUnavailable" reference /> };
  }
}
