import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeRemembered } from "@/lib/auth/remembered-token";

describe("the session cookie's token, decoded once per value", () => {
  afterEach(() => vi.useRealTimers());

  it("gives back the claims of a value it once decrypted without decrypting it again", async () => {
    const token = await encode({ token: { userId: 7, role: "support", sid: "a", epoch: 1 }, secret: "right" });
    expect(await decodeRemembered({ token, secret: "right" })).toMatchObject({ userId: 7, role: "support", sid: "a", epoch: 1 });
    // The same value again: its claims, with no key derived (the secret given is not even used).
    expect(await decodeRemembered({ token, secret: "wrong" })).toMatchObject({ userId: 7, sid: "a" });
  });

  it("refuses a value it has not seen under a wrong secret, and an expired one it has seen", async () => {
    const forged = await encode({ token: { userId: 1, role: "admin", sid: "b", epoch: 1 }, secret: "other" });
    await expect(decodeRemembered({ token: forged, secret: "right" })).rejects.toThrow();

    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await encode({ token: { userId: 8, role: "qa", sid: "c", epoch: 1 }, secret: "right", maxAge: 60 });
    expect(await decodeRemembered({ token, secret: "right" })).toMatchObject({ userId: 8 });
    // Past its expiry (and jose's 15 s of tolerance) it is decrypted again, and refused.
    vi.setSystemTime(Date.now() + 120_000);
    await expect(decodeRemembered({ token, secret: "right" })).rejects.toThrow(/exp/);
  });
});
