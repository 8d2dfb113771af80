import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventLogStatement, eventLogStatementAnnouncedOnce, type EventLogWrite } from "@/lib/realtime/event-log-writes";

const root = join(__dirname, "../..");

function sources(folder: string): { path: string; text: string }[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((path) => /\.tsx?$/.test(path) && !path.startsWith("generated"))
    .map((path) => ({ path: join(folder, path), text: readFileSync(join(root, folder, path), "utf8") }));
}

const write: EventLogWrite = {
  with: "WITH e AS (INSERT INTO user_events (user_id, kind, session_id) SELECT $1, 'read', $2 RETURNING id, user_id)",
  select: `e.id AS "eventId"`,
  from: "FROM e ORDER BY e.id",
  announce: { type: "'read'", sessionId: "$2::int", participants: "json_build_array($1::int)", events: "json_build_array(json_build_array(e.user_id, e.id))" },
};

describe("writers of the event log announce what they write", () => {
  it("every statement that writes user_events is built by the one builder, and nothing else NOTIFYs the bus's channel", () => {
    const files = [...sources("lib"), ...sources("app")];
    const writers = files.filter(({ text }) => /INSERT INTO user_events|userEvent\.create/i.test(text));
    expect(writers.map(({ path }) => path).sort()).toEqual(["lib/chat-sessions/messages/add-message.ts", "lib/participant-chat/send-message.ts", "lib/realtime/session-events.ts"]);
    for (const { path, text } of writers) {
      expect(text, path).toMatch(/from "(@\/lib\/realtime|\.)\/event-log-writes"/);
      expect(text, path).not.toMatch(/userEvent\.create/);
    }
    const notifiers = files.filter(({ text }) => /pg_notify\(/.test(text)).map(({ path }) => path);
    expect(notifiers.sort()).toEqual(["lib/realtime/event-log-writes.ts", "lib/realtime/postgres-bus.ts"]);
  });

  it("on a bus whose writers announce, each row NOTIFYs its event, every field of it, on the channel after the parameters", () => {
    const [text, parameters] = eventLogStatement(write, true, [7, 9]);
    expect(parameters).toEqual([7, 9, "chat_events"]);
    expect(text).toContain(`SELECT e.id AS "eventId", pg_notify($3, json_build_object('type', 'read', 'sessionId', $2::int, 'participants', json_build_array($1::int), 'events', json_build_array(json_build_array(e.user_id, e.id)), 'at', `);
    expect(text.indexOf("pg_notify")).toBeLessThan(text.indexOf("ORDER BY e.id"));
  });

  it("elsewhere the statement only writes and returns its rows (the writer publishes after commit)", () => {
    const [text, parameters] = eventLogStatement(write, false, [7, 9]);
    expect(parameters).toEqual([7, 9]);
    expect(text).not.toContain("pg_notify");
    expect(text).toContain(`SELECT e.id AS "eventId"`);
  });

  it("announces a change to very many sessions once, with the payload given", () => {
    const [text, parameters] = eventLogStatementAnnouncedOnce(write, true, [7, 9], '{"type":"read","sessionId":0}');
    expect(parameters).toEqual([7, 9, "chat_events", '{"type":"read","sessionId":0}']);
    expect(text).toMatch(/SELECT pg_notify\(\$3, \$4\)/);
    expect(eventLogStatementAnnouncedOnce(write, false, [7, 9], "{}")).toEqual(eventLogStatement(write, false, [7, 9]));
  });
});
