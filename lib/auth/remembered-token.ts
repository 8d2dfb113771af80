import "server-only";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const DECODED_KEPT = 1_000;
const decodedTokens = new Map<string, JWT>();

/**
 * next-auth's decode, remembered per cookie value until the token expires: each decode derives the
 * key again (HKDF) and decrypts (~0.2 ms, 1 % of a list page's server time at 1M sessions), for a
 * cookie that is the same on every request of a session. Only a value that once decrypted is
 * remembered, so a forged cookie costs what it did; whether the session still counts is asked of
 * the database on every request all the same (userOfSession). The oldest make room past 1,000.
 */
export async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const kept = params.token ? decodedTokens.get(params.token) : undefined;
  if (kept && typeof kept.exp === "number" && kept.exp > Date.now() / 1000) return kept;
  const token = await decode(params);
  if (params.token && token) {
    decodedTokens.delete(params.token);
    decodedTokens.set(params.token, token);
    if (decodedTokens.size > DECODED_KEPT) decodedTokens.delete(decodedTokens.keys().next().value as string);
  }
  return token;
}
