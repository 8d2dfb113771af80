import { beforeAll, describe, expect, it, vi } from "vitest";
import { PERMISSIONS, can } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { startChatAction } from "@/lib/participant-chat/actions";
import { actAs } from "../support/mock-current-user";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";
import { discoverServerActions, discoverServerModuleExports, type DiscoveredAction } from "../support/server-actions";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

const ROLES: Role[] = ["admin", "support", "qa", "customer", "vendor"];
let actions: { name: string; action: DiscoveredAction }[] = [];
beforeAll(async () => {
  actions = await discoverServerActions();
});

describe("permission matrix × server actions", () => {
  it("\"use server\" modules export nothing but actions (Next refuses anything else)", async () => {
    const others = (await discoverServerModuleExports()).filter((entry) => typeof entry.action !== "function").map((entry) => entry.name);
    expect(others).toEqual([]);
  });

  it("every server action is built with defineAction and names a permission of the matrix", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const { name, action } of actions) {
      expect(Object.keys(PERMISSIONS), `${name} has no matrix entry`).toContain(action.permission);
    }
  });

  it("the list bulk actions are among them under their declared permission (users' sign out everywhere: admins only)", () => {
    const permissionOf = (suffix: string) => actions.find(({ name }) => name.endsWith(suffix))?.action.permission;
    expect(permissionOf("users/actions.ts#signOutSelectedUsersAction")).toBe("users.manage");
    expect(PERMISSIONS["users.manage"]).toEqual(["admin"]);
  });

  it("each role (and no one signed in) is refused exactly the actions the matrix does not grant", async () => {
    let cells = 0;
    for (const role of [...ROLES, null]) {
      actAs(role);
      for (const { name, action } of actions) {
        const result = await action({ __matrixProbe: true });
        const refused = !result.ok && result.error?.code === "forbidden";
        expect(refused, `${role} → ${name} (${action.permission})`).toBe(!can(role, action.permission!));
        cells += 1;
      }
    }
    expect(cells).toBe((ROLES.length + 1) * actions.length);
  });
});

describe("who opens a conversation in the web chat", () => {
  it("a vendor is refused (forbidden) and nothing is created; a customer starts one in the customer's seat", async () => {
    await resetDatabase();
    const owner = await createUser("vendor");
    const otherVendor = await createUser("vendor");
    const customer = await createUser("customer");
    const product = await createProduct(owner.id);
    actAs("vendor", otherVendor.id);
    expect(await startChatAction({ productId: product.id })).toEqual({ ok: false, error: expect.objectContaining({ code: "forbidden" }) });
    expect(await db.chatSession.count()).toBe(0);
    actAs("customer", customer.id);
    expect((await startChatAction({ productId: product.id })).ok).toBe(true);
    expect(await db.chatSession.findMany({ select: { customerId: true, vendorId: true } })).toEqual([{ customerId: customer.id, vendorId: owner.id }]);
  });
});
