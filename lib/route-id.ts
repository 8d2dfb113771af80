import { isId } from "@/lib/id-schema";

/** An id from a URL segment: a positive 32-bit integer, or null for anything else ("abc", "1e9", "-1"). */
export function parseRouteId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return isId(id) ? id : null;
}
