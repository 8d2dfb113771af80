import type { ChatEvent, UserEventIds } from "./events";
import { CHANNEL } from "./events";

// The one way to write a participant's event log (user_events). The rule "every writer of
// user_events announces what it wrote" is kept here, not by each writer: a writer declares its
// statement and the event each of its rows stands for, and gets the statement for the bus in use.
// On PostgreSQL (EventBus.writersAnnounce) the statement NOTIFYs each row's event itself — sent
// when its transaction commits, never for one rolled back, in commit order, with no round trip of
// its own; elsewhere the writer publishes the returned rows' events after commit (publishEvent).
// A new kind of logged event is a new member of ChatEvent with `events`: its writer cannot build
// a statement without saying, field by field, what it announces.

type Sql = string;

/** A ChatEvent that names rows of the event log. */
export type LoggedChatEvent = Extract<ChatEvent, { events: UserEventIds }>;

/** Each field of a logged event, as an SQL expression over one row of the statement's result. */
type FieldsInSql<E> = E extends unknown ? { [K in keyof E]-?: Sql } : never;

export type EventLogWrite = {
  /** `WITH …`: the change, and its rows of user_events (data-modifying CTEs run to completion whatever is selected). */
  with: Sql;
  /** The result's columns, for the caller. */
  select: Sql;
  /** `FROM … ORDER BY …`: one row per announced event, in the order of each user's new ids. */
  from: Sql;
  /** The event each row announces. */
  announce: FieldsInSql<LoggedChatEvent>;
};

const announcingTexts = new WeakMap<EventLogWrite, Sql>();

/** The statement of `write` for a bus, with its parameters (the channel appended where it announces). */
export function eventLogStatement(write: EventLogWrite, announcing: boolean, parameters: unknown[]): [Sql, unknown[]] {
  if (!announcing) return [`${write.with}\n  SELECT ${write.select}\n  ${write.from}`, parameters];
  let text = announcingTexts.get(write);
  if (text === undefined) {
    const fields = Object.entries(write.announce).map(([name, value]) => `'${name}', ${value}`);
    // PostgreSQL evaluates a volatile output expression after ORDER BY's sort, so the NOTIFYs go out
    // in the rows' order. Cast to text: Prisma's raw queries cannot read void.
    const notify = `pg_notify($${parameters.length + 1}, json_build_object(${fields.join(", ")}, 'at', floor(extract(epoch FROM clock_timestamp()) * 1000))::text)::text AS notified`;
    text = `${write.with}\n  SELECT ${write.select}, ${notify}\n  ${write.from}`;
    announcingTexts.set(write, text);
  }
  return [text, [...parameters, CHANNEL]];
}

/**
 * The statement of `write` announcing all its rows as one event (`once`: a change to very many
 * sessions, whose streams read their logs), for a bus whose writers announce; elsewhere the
 * statement as `eventLogStatement` makes it, and the caller publishes after commit.
 */
export function eventLogStatementAnnouncedOnce(write: EventLogWrite, announcing: boolean, parameters: unknown[], once: string): [Sql, unknown[]] {
  if (!announcing) return eventLogStatement(write, false, parameters);
  return [`${write.with}\n  SELECT pg_notify($${parameters.length + 1}, $${parameters.length + 2})::text AS notified`, [...parameters, CHANNEL, once]];
}
