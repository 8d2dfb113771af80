import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as issueToken } from "@/app/api/v1/tokens/route";
import { assignSessionsAction } from "@/lib/assignment/actions";
import { hashPassword } from "@/lib/auth/password";
import { listMySessions } from "@/lib/participant-chat/my-sessions";
import { latestNotifications } from "@/lib/participant-chat/notifications";
import { loadParticipantConversation } from "@/lib/chat-sessions/conversation";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { eventStream } from "@/lib/realtime/sse";
import { addNoteAction, deleteNoteAction, editNoteAction } from "@/lib/session-notes/actions";
import { loadStaffTimeline } from "@/lib/session-notes/staff-timeline";
import { actAs } from "../support/mock-current-user";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";
import { discoverServerActions } from "../support/server-actions";
import { SseReader } from "../support/sse-client";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));
process.env.SEND_RATE_LIMIT = "1000000";

const NOTE_MARKER = "PRIVATE-NOTE-7f3a";
const ASSIGNEE_MARKER = "ASSIGNEE-NAME-9c1e";

async function participant(role: "customer" | "vendor") {
  const email = `${role}-${Date.now()}-${Math.random()}@notes.test`;
  const user = await db.user.create({ data: { name: `${role} person`, email, role, passwordHash: await hashPassword("secret-pass") } });
  const response = await issueToken(new Request("http://localhost/api/v1/tokens", { method: "POST", body: JSON.stringify({ email, password: "secret-pass" }) }), undefined as never);
  return { id: user.id, token: ((await response.json()) as { token: string }).token };
}

/** A session with messages both ways, a private note and an assignee, and its two participants with API tokens. */
async function privateScene() {
  const admin = await createUser("admin", "Amal");
  const agent = await createUser("support", ASSIGNEE_MARKER);
  const customer = await participant("customer");
  const vendor = await participant("vendor");
  const product = await createProduct(vendor.id, "Lamp");
  const session = await db.chatSession.create({ data: { productId: product.id, customerId: customer.id, vendorId: vendor.id } });
  await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "Is it in stock?" } });
  await db.chatMessage.create({ data: { sessionId: session.id, senderId: vendor.id, body: "Yes" } });
  const before = { notifications: await db.notification.count(), events: await db.userEvent.count() };
  actAs("support", agent.id);
  const added = await addNoteAction({ sessionId: session.id, body: `${NOTE_MARKER}: vendor is slow to ship` });
  expect(added.ok).toBe(true);
  expect((await assignSessionsAction({ selection: { ids: [session.id] }, assigneeId: agent.id })).ok).toBe(true);
  // Neither the note nor the assignment is a notification or an event in a participant's log.
  expect({ notifications: await db.notification.count(), events: await db.userEvent.count() }).toEqual(before);
  return { admin, agent, customer, vendor, product, session, noteId: added.ok ? added.data.id : 0 };
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? routeFiles(path) : entry === "route.ts" ? [path] : [];
  });
}

/** Everything a response says: its body, or for an event stream what it sent (replay included) in a moment. */
async function bodyOf(response: Response, abort: AbortController): Promise<string> {
  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) return response.text();
  const reader = new SseReader(response);
  await new Promise((resolve) => setTimeout(resolve, 300));
  abort.abort();
  return reader.text();
}

beforeEach(async () => {
  await resetDatabase();
});

describe("private notes (issue 20)", () => {
  it("are in the staff timeline with author and time; their author or an admin edits and deletes them, audited", async () => {
    const { admin, agent, session, noteId } = await privateScene();
    const other = await createUser("support", "Omar");
    const timeline = await loadStaffTimeline(session.id);
    expect(timeline.map((entry) => entry.kind)).toEqual(["note", "assignment"]);
    expect(timeline[0]).toMatchObject({ kind: "note", body: `${NOTE_MARKER}: vendor is slow to ship`, author: { id: agent.id, name: ASSIGNEE_MARKER } });

    actAs("support", other.id);
    expect(await editNoteAction({ noteId, body: "mine now" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await deleteNoteAction({ noteId })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    actAs("support", agent.id);
    expect(await editNoteAction({ noteId, body: "   " })).toMatchObject({ ok: false, error: { code: "invalid", fieldErrors: { body: "noteEmpty" } } });
    expect(await editNoteAction({ noteId, body: "ships Mondays" })).toMatchObject({ ok: true });
    actAs("admin", admin.id);
    expect(await deleteNoteAction({ noteId })).toMatchObject({ ok: true });
    expect(await deleteNoteAction({ noteId })).toMatchObject({ ok: false, error: { code: "not_found", message: "noteGone" } });
    actAs("qa", other.id);
    expect(await addNoteAction({ sessionId: 999_999, body: "x" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const audited = await db.auditLog.findMany({ where: { action: { startsWith: "notes." } }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(audited).toEqual([
      { action: "notes.add", actorId: agent.id },
      { action: "notes.edit", actorId: agent.id },
      { action: "notes.delete", actorId: admin.id },
    ]);
  });

  it("never reach a participant: every /api/v1 route handler, as either participant, says nothing of them (generated from app/api/v1)", async () => {
    const { customer, vendor, session, product } = await privateScene();
    const files = routeFiles("app/api/v1");
    expect(files.length).toBeGreaterThanOrEqual(7);
    let calls = 0;
    for (const who of [customer, vendor]) {
      for (const file of files) {
        const module = (await import(`../../${file}`)) as Record<string, unknown>;
        const path = `/${relative("app", file).replace(/\/route\.ts$/, "").replace("[id]", String(session.id))}`;
        // DELETE last: the token route's DELETE revokes the token the others use.
        for (const method of ["GET", "POST", "DELETE"].filter((name) => typeof module[name] === "function")) {
          if (method === "DELETE") continue;
          const abort = new AbortController();
          const headers = new Headers({ authorization: `Bearer ${who.token}`, "content-type": "application/json", "last-event-id": "0", "idempotency-key": `k-${calls}` });
          const init: RequestInit = { method, headers, signal: abort.signal, ...(method === "POST" ? { body: JSON.stringify({ body: "hello", productId: product.id }) } : {}) };
          const handler = module[method] as (request: Request, context: unknown) => Promise<Response>;
          const response = await handler(new Request(`http://localhost${path}`, init), { params: Promise.resolve({ id: String(session.id) }) });
          const text = await bodyOf(response, abort);
          expect(text, `${method} ${path}`).not.toContain(NOTE_MARKER);
          expect(text, `${method} ${path}`).not.toContain(ASSIGNEE_MARKER);
          calls += 1;
        }
      }
    }
    expect(calls).toBeGreaterThanOrEqual(18);
  });

  it("never reach a participant through the web chat: its server actions (generated from the \"use server\" modules), pages' queries, notifications and the SSE replay", async () => {
    const { customer, vendor, session, product } = await privateScene();
    const participantActions = (await discoverServerActions()).filter(({ action }) => can("customer", action.permission!) || can("vendor", action.permission!));
    expect(participantActions.length).toBeGreaterThanOrEqual(4);
    // Each action is tried with the inputs a participant's screen sends until one is accepted.
    const inputs = [{ sessionId: session.id, beforeId: null }, { sessionId: session.id }, { sessionId: session.id, body: "hello" }, { productId: product.id }, { kind: "product", query: "Lamp" }];
    for (const who of [customer, vendor]) {
      const role = who.id === customer.id ? "customer" : "vendor";
      actAs(role, who.id);
      for (const { name, action } of participantActions.filter(({ action }) => can(role, action.permission!))) {
        const answers = [];
        for (const input of inputs) answers.push(await action(input));
        expect(answers.some((answer) => answer.ok), `${name} accepted no participant input`).toBe(true);
        const text = JSON.stringify(answers);
        expect(text, name).not.toContain(NOTE_MARKER);
        expect(text, name).not.toContain(ASSIGNEE_MARKER);
      }
      const pages = JSON.stringify([await listMySessions(who.id), await latestNotifications(who.id), await loadParticipantConversation(session.id, null)]);
      expect(pages).not.toContain(NOTE_MARKER);
      expect(pages).not.toContain(ASSIGNEE_MARKER);
      const abort = new AbortController();
      const replay = await bodyOf(new Response(eventStream({ userId: who.id, staff: false }, 0, abort.signal), { headers: { "content-type": "text/event-stream" } }), abort);
      expect(replay).toContain("event: ");
      expect(replay).not.toContain(NOTE_MARKER);
    }
  });
});
