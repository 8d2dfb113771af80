import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

// X-Forwarded-For, -Host, -Proto and -Port are what a reverse proxy says about the client. Anyone
// can send them, so they are believed only from a proxy the deployment names in TRUSTED_PROXIES
// (addresses or CIDR ranges, comma-separated). A list rather than a hop count or an on/off
// switch: those also believe a client that reaches the app directly, past the proxy; a list
// believes only the proxy's own address, and walks a chain of proxies from the right.

export type TrustedProxies = BlockList | null;

const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"] as const;

/** "::ffff:10.0.0.1" (an IPv4 client of a dual-stack socket) is 10.0.0.1. */
function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The TRUSTED_PROXIES setting as a list to check against; null when unset. A bad entry stops the server. */
export function trustedProxiesFrom(setting: string | undefined): TrustedProxies {
  const entries = (setting ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    if (!family || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= (family === 4 ? 32 : 128)))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

function isTrustedProxy(address: string, proxies: TrustedProxies): boolean {
  const plain = plainAddress(address);
  const family = isIP(plain);
  return proxies !== null && family !== 0 && proxies.check(plain, family === 4 ? "ipv4" : "ipv6");
}

const entriesOf = (value: string | string[] | undefined) =>
  [value ?? []]
    .flat()
    .flatMap((line) => line.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * The client's address: the socket's, unless that is a trusted proxy; then, walking
 * X-Forwarded-For from the right (each proxy appends the address it was reached from), the first
 * entry that is not a trusted proxy. Entries to its left were written by the client.
 */
export function clientAddressOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: TrustedProxies): string {
  let address = plainAddress(remoteAddress ?? "unknown");
  const chain = entriesOf(forwardedFor);
  for (let next = chain.pop(); next !== undefined && isTrustedProxy(address, proxies); next = chain.pop()) address = plainAddress(next);
  return address.slice(0, 64);
}

/**
 * Leaves on the request only the forwarded headers that can be believed, so that every later
 * reader (the origin check here, Next's own, next-auth) sees the same: X-Forwarded-For becomes
 * the client's address alone (returned too); Host, Proto and Port are dropped when the peer is
 * not a trusted proxy, else keep one value each, the right-most (what the proxy next to the app
 * said; a value sent by the client is to its left, or was replaced).
 */
export function believeForwardedHeaders(headers: IncomingHttpHeaders, remoteAddress: string | undefined, proxies: TrustedProxies): string {
  const client = clientAddressOf(remoteAddress, headers["x-forwarded-for"], proxies);
  const believed = remoteAddress !== undefined && isTrustedProxy(remoteAddress, proxies);
  for (const name of FORWARDED_HEADERS) {
    const last = believed ? entriesOf(headers[name]).at(-1) : undefined;
    if (last === undefined) delete headers[name];
    else headers[name] = last;
  }
  headers["x-forwarded-for"] = client;
  return client;
}
