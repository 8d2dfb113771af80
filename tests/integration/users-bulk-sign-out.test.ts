import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { filtersOf, parseListState } from "@/lib/list-engine/url-state";
import { eventBus } from "@/lib/realtime/bus";
import type { ChatEvent } from "@/lib/realtime/events";
import { signOutSelectedUsersAction } from "@/lib/users/actions";
import { usersList } from "@/lib/users/list";
import { actAs } from "../support/mock-current-user";
import { createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

// The users list's bulk "sign out everywhere": every web session (the epoch) and API token of the
// selected users ends, in one audited transaction, announced after commit with the revoked event.

let adminId: number;
beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser("admin")).id;
  actAs("admin", adminId);
});

const withToken = async (role: "vendor" | "customer", name: string) => {
  const user = await createUser(role, name);
  await db.apiToken.create({ data: { userId: user.id, tokenHash: `hash-${user.id}` } });
  return user;
};

async function signedOut(ids: number[]) {
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, sessionEpoch: true }, orderBy: { id: "asc" } });
  const tokens = await db.apiToken.findMany({ where: { userId: { in: ids } }, select: { userId: true, revokedAt: true } });
  return users.map((user) => ({ id: user.id, ended: user.sessionEpoch > 0 && tokens.filter((token) => token.userId === user.id).every((token) => token.revokedAt !== null) }));
}

describe("users list: bulk sign out everywhere", () => {
  it("all matching a role filter and a search signs out exactly those users, audits once and announces each", async () => {
    const kettleVendors = [await withToken("vendor", "Kettle Shop"), await withToken("vendor", "Kettle House")];
    const lampVendor = await withToken("vendor", "Lamp Shop");
    const kettleCustomer = await withToken("customer", "Kettle Fan");
    const heard: ChatEvent[] = [];
    const unsubscribe = eventBus().subscribe((event) => heard.push(event));
    await eventBus().ready();
    try {
      const { params } = parseListState(usersList, { role: "vendor", q: "kettle" });
      const result = await signOutSelectedUsersAction({ filters: filtersOf(usersList, params) });
      const expected = kettleVendors.map((user) => user.id).sort((a, b) => a - b);
      expect(result).toEqual({ ok: true, data: { ids: expected } });
      await vi.waitFor(() => expect(heard.filter((event) => event.type === "revoked")).toEqual(expected.map((userId) => ({ type: "revoked", userId }))));
    } finally {
      unsubscribe();
    }
    expect(await signedOut([...kettleVendors, lampVendor, kettleCustomer, { id: adminId }].map((user) => user.id))).toEqual(
      [...kettleVendors.map((user) => ({ id: user.id, ended: true })), { id: lampVendor.id, ended: false }, { id: kettleCustomer.id, ended: false }, { id: adminId, ended: false }].sort((a, b) => a.id - b.id),
    );
    const entries = await db.auditLog.findMany({ where: { action: "users.signOutEverywhere" } });
    expect(entries).toEqual([expect.objectContaining({ actorId: adminId, targetType: "users", details: { users: 2, selection: { filters: expect.objectContaining({ role: "vendor", q: "kettle" }) } } })]);
  });

  it("ticked ids sign out only those users; support and QA (users.view, not users.manage) are refused and change nothing", async () => {
    const ticked = await withToken("customer", "Ticked");
    const other = await withToken("customer", "Other");
    for (const role of ["support", "qa"] as const) {
      actAs(role);
      expect(await signOutSelectedUsersAction({ ids: [ticked.id] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(await signedOut([ticked.id, other.id])).toEqual([
      { id: ticked.id, ended: false },
      { id: other.id, ended: false },
    ]);
    actAs("admin", adminId);
    expect(await signOutSelectedUsersAction({ ids: [ticked.id] })).toEqual({ ok: true, data: { ids: [ticked.id] } });
    expect(await signedOut([ticked.id, other.id])).toEqual([
      { id: ticked.id, ended: true },
      { id: other.id, ended: false },
    ]);
  });

  it("refuses an empty or malformed selection without touching anyone", async () => {
    const user = await withToken("vendor", "Untouched");
    for (const input of [{ ids: [] }, { ids: ["x"] }, {}, { filters: { role: "emperor" } }]) {
      expect(await signOutSelectedUsersAction(input as never)).toMatchObject({ ok: false, error: { code: "invalid" } });
    }
    expect(await signedOut([user.id])).toEqual([{ id: user.id, ended: false }]);
    expect(await db.auditLog.count({ where: { action: "users.signOutEverywhere" } })).toBe(0);
  });
});
