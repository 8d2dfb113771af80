/** An id from a URL segment: a positive 32-bit integer, or null for anything else ("abc", "1e9", "-1"). */
export function parseRouteId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}
