import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, resetDatabase } from "../support/fixtures";
import { discoverServerActions, type DiscoveredAction } from "../support/server-actions";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

// The web chat's server actions, as a customer and as a vendor, given the id of a session they
// do not take part in: "not found" (exactly as for a session that does not exist), nothing of
// it in the answer, nothing written. The HTTP side (API and pages) is in permission-matrix-http.

/**
 * Every participant (`chat.*`) action, with the input that names someone else's session (or null
 * for an action that takes no session id). A new participant action must be listed here.
 */
const OWNERSHIP_INPUTS: Record<string, ((sessionId: number) => unknown) | null> = {
  "lib/participant-chat/actions.ts#sendChatMessageAction": (sessionId) => ({ sessionId, body: "let me in" }),
  "lib/participant-chat/actions.ts#markChatReadAction": (sessionId) => ({ sessionId }),
  "lib/participant-chat/actions.ts#loadChatHistoryAction": (sessionId) => ({ sessionId, beforeId: null }),
  "lib/participant-chat/actions.ts#startChatAction": null, // takes a product: any customer may ask about any product
  "lib/participant-chat/actions.ts#searchChatProductsAction": null,
};

async function fingerprint(): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ f: string }[]>(
    `SELECT concat_ws('|', (SELECT count(*) FROM chat_messages), (SELECT count(*) FROM chat_messages WHERE read_at IS NULL),
                          (SELECT count(*) FROM notifications), (SELECT count(*) FROM notifications WHERE read_at IS NULL),
                          (SELECT sum(total) FROM unread_totals), (SELECT max(updated_at) FROM chat_sessions)) AS f`,
  );
  return row!.f;
}

let participantActions: { name: string; action: DiscoveredAction }[] = [];
beforeAll(async () => {
  participantActions = (await discoverServerActions()).filter(({ action }) => action.permission?.startsWith("chat."));
});

let mine: Awaited<ReturnType<typeof createSessionFixture>>;
let theirs: Awaited<ReturnType<typeof createSessionFixture>>;
beforeEach(async () => {
  await resetDatabase();
  mine = await createSessionFixture({ product: "My lamp" });
  theirs = await createSessionFixture({ product: "Secret prototype", customer: "Hidden customer", vendor: "Hidden vendor" });
  await db.chatMessage.create({ data: { sessionId: theirs.session.id, senderId: theirs.customer.id, body: "confidential question" } });
});

describe("participants' server actions reach only their own sessions", () => {
  it("every participant action is listed, with how it names a session", () => {
    expect(participantActions.length).toBeGreaterThan(0);
    expect(participantActions.map(({ name }) => name).sort()).toEqual(Object.keys(OWNERSHIP_INPUTS).sort());
  });

  it("another user's session id is not found, as a missing one is; nothing leaks, nothing changes", async () => {
    let tried = 0;
    for (const as of ["customer", "vendor"] as const) {
      actAs(as, mine[as].id);
      for (const { name, action } of participantActions) {
        const input = OWNERSHIP_INPUTS[name];
        if (!input) continue;
        const before = await fingerprint();
        const other = await action(input(theirs.session.id));
        const missing = await action(input(2_147_483_647));
        expect(other, `${as} → ${name}`).toEqual({ ok: false, error: expect.objectContaining({ code: "not_found" }) });
        expect(other, `${as} → ${name}: same answer as for no session`).toEqual(missing);
        expect(JSON.stringify(other)).not.toMatch(/Secret prototype|Hidden|confidential/);
        expect(await fingerprint(), `${as} → ${name} changed the database`).toBe(before);
        // And the caller's own session works with the same action (the refusal is about ownership).
        expect((await action(input(mine.session.id))).ok, `${as} → ${name} on their own session`).toBe(true);
        tried += 1;
      }
    }
    const idTaking = Object.values(OWNERSHIP_INPUTS).filter(Boolean).length;
    expect(tried).toBe(2 * idTaking);
  });
});
