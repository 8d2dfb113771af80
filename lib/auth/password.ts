import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

// scrypt (RFC 7914) from Node itself: a memory-hard KDF with no native add-on to install.
// Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEM });
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

/**
 * What a missing or unreadable hash (no such account) is checked against: the same cost as a
 * real one, so the time of an answer does not tell whether an e-mail has an account. No
 * password matches it (and it is never reported as matching).
 */
const UNMATCHABLE_HASH = ["scrypt", COST.N, COST.r, COST.p, randomBytes(16).toString("base64"), Buffer.alloc(KEY_LENGTH).toString("base64")].join("$");

/** Always one scrypt, whether `stored` is a hash or not. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? "").split("$");
  const usable = parts.length === 6 && parts[0] === "scrypt";
  const [, n, r, p, salt, expected] = (usable ? parts : UNMATCHABLE_HASH.split("$")) as [string, string, string, string, string, string];
  const expectedBytes = Buffer.from(expected, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expectedBytes.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return usable && actual.length === expectedBytes.length && timingSafeEqual(actual, expectedBytes);
}
