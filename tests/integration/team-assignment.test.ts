import { beforeEach, describe, expect, it, vi } from "vitest";
import { assignSessionsAction } from "@/lib/assignment/actions";
import { db } from "@/lib/db";
import { countSessions, listSessions } from "@/lib/chat-sessions/list-query";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { filtersSql } from "@/lib/list-engine/list-source";
import { undoActionAction } from "@/lib/undo/actions";
import { PERMISSIONS } from "@/lib/permissions";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";
import { parseListState, defaultState } from "@/lib/list-engine/url-state";
import { sessionsList } from "@/lib/chat-sessions/list";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

beforeEach(async () => {
  await resetDatabase();
});

const assigneeOf = async (id: number) => (await db.chatSession.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } })).assigneeId;

async function team() {
  const admin = await createUser("admin", "Amal");
  const sara = await createUser("support", "Sara");
  const omar = await createUser("support", "Omar");
  const qa = await createUser("qa", "Qasim");
  return { admin, sara, omar, qa };
}

describe("assignment (issue 20)", () => {
  it("the matrix: support and admins assign, only admins touch others' sessions, QA neither", () => {
    expect(PERMISSIONS["chatSessions.assign"]).toEqual(["admin", "support"]);
    expect(PERMISSIONS["chatSessions.assignOthers"]).toEqual(["admin"]);
  });

  it("support takes an unassigned session and releases it; may not take one a colleague holds, nor give one away", async () => {
    const { sara, omar, qa } = await team();
    const { session } = await createSessionFixture();
    actAs("support", sara.id);
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: sara.id })).toMatchObject({ ok: true, data: { sessions: 1, skipped: 0 } });
    expect(await assigneeOf(session.id)).toBe(sara.id);

    actAs("support", omar.id);
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: omar.id })).toMatchObject({ ok: true, data: { sessions: 0, skipped: 1, undoToken: null } });
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: null })).toMatchObject({ ok: true, data: { sessions: 0, skipped: 1 } });
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: sara.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await assigneeOf(session.id)).toBe(sara.id);

    actAs("qa", qa.id);
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: qa.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });

    actAs("support", sara.id);
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: null })).toMatchObject({ ok: true, data: { sessions: 1 } });
    expect(await assigneeOf(session.id)).toBeNull();
  });

  it("an admin gives any session to any admin or support agent, never to QA or a participant", async () => {
    const { admin, sara, omar, qa } = await team();
    const { session, customer } = await createSessionFixture();
    actAs("admin", admin.id);
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: sara.id })).toMatchObject({ ok: true, data: { sessions: 1 } });
    expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: omar.id })).toMatchObject({ ok: true, data: { sessions: 1 } });
    for (const wrong of [qa.id, customer.id, 999_999]) {
      expect(await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: wrong })).toMatchObject({ ok: false, error: { code: "invalid", fieldErrors: { assigneeId: "assigneeNotStaff" } } });
    }
    expect(await assigneeOf(session.id)).toBe(omar.id);
    const history = await db.sessionAssignment.findMany({ where: { sessionId: session.id }, orderBy: { id: "asc" }, select: { actorId: true, assigneeId: true } });
    expect(history).toEqual([{ actorId: admin.id, assigneeId: sara.id }, { actorId: admin.id, assigneeId: omar.id }]);
    const audited = await db.auditLog.findMany({ where: { action: "chatSessions.assign" }, select: { targetId: true, actorId: true } });
    expect(audited).toEqual([{ targetId: String(session.id), actorId: admin.id }, { targetId: String(session.id), actorId: admin.id }]);
  });

  it("the assignee filter: `me`, `none` and an id, in the URL, the list, the count and bulk 'all matching'", async () => {
    const { admin, sara } = await team();
    const sessions = await Promise.all([1, 2, 3].map(() => createSessionFixture()));
    const [a, b] = sessions.map(({ session }) => session.id);
    actAs("admin", admin.id);
    await assignSessionsAction({ selection: { ids: [a!] }, assigneeId: sara.id });
    await assignSessionsAction({ selection: { ids: [b!] }, assigneeId: admin.id });

    expect(parseListState(sessionsList, { assignee: "me" }).params.assignee).toBe("me");
    expect(parseListState(sessionsList, { assignee: "none" }).params.assignee).toBe("none");
    expect(parseListState(sessionsList, { assignee: String(sara.id) }).params.assignee).toBe(sara.id);
    expect(parseListState(sessionsList, { assignee: "somebody" }).notices).toContain("badFilter");

    const ids = async (assignee: "me" | "none" | number, viewer: number) => (await listSessions({ ...defaultState(sessionsList), assignee }, { id: viewer })).rows.map((row) => row.id);
    expect(await ids("me", sara.id)).toEqual([a]);
    expect(await ids("me", admin.id)).toEqual([b]);
    expect(await ids(sara.id, admin.id)).toEqual([a]);
    expect((await ids("none", admin.id)).length).toBe(1);
    expect((await listSessions({ ...defaultState(sessionsList), assignee: "me" }, { id: sara.id })).rows[0]).toMatchObject({ assigneeId: sara.id, assigneeName: "Sara" });
    expect(await countSessions({ ...defaultState(sessionsList), assignee: "none" })).toEqual({ count: 1, capped: false });
    // A script has no "me": it matches nothing rather than everything.
    expect(await db.$queryRaw`SELECT id FROM chat_sessions WHERE ${filtersSql(sessionsSource, { ...defaultState(sessionsList), assignee: "me" })}`).toEqual([]);

    // Sara releases "all matching assignee=me": her own, nothing else.
    actAs("support", sara.id);
    expect(await assignSessionsAction({ selection: { filters: { ...defaultState(sessionsList), assignee: "me" } }, assigneeId: null })).toMatchObject({ ok: true, data: { sessions: 1 } });
    expect(await assigneeOf(a!)).toBeNull();
    expect(await assigneeOf(b!)).toBe(admin.id);
  });

  it("Undo puts back exactly the assignees the action changed, unless someone changed them since, once, for its author only", async () => {
    const { admin, sara, omar } = await team();
    const [one, two, three] = await Promise.all([1, 2, 3].map(() => createSessionFixture()));
    actAs("admin", admin.id);
    await assignSessionsAction({ selection: { ids: [one!.session.id] }, assigneeId: sara.id });
    const bulk = await assignSessionsAction({ selection: { filters: defaultState(sessionsList) }, assigneeId: omar.id });
    expect(bulk).toMatchObject({ ok: true, data: { sessions: 3 } });
    const token = bulk.ok ? bulk.data.undoToken! : "";
    // Meanwhile someone else moves session three on.
    await assignSessionsAction({ selection: { ids: [three!.session.id] }, assigneeId: admin.id });

    actAs("support", sara.id);
    expect(await undoActionAction({ token })).toMatchObject({ ok: false, error: { code: "not_found" } });
    actAs("admin", admin.id);
    expect(await undoActionAction({ token })).toEqual({ ok: true, data: { kind: "assign", changed: 2 } });
    expect([await assigneeOf(one!.session.id), await assigneeOf(two!.session.id), await assigneeOf(three!.session.id)]).toEqual([sara.id, null, admin.id]);
    expect(await undoActionAction({ token })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await undoActionAction({ token: "not a token" })).toMatchObject({ ok: false, error: { code: "invalid" } });
  });
});
