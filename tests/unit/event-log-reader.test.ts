import { describe, expect, it } from "vitest";
import { EventLogReader, type BatchQuery } from "@/lib/realtime/event-log-reader";

describe("the batched reader of event logs (no database)", () => {
  it("answers a burst of reads asked for together with one statement, each with its own user's events in order", async () => {
    const statements: { userIds: number[]; afterIds: number[] }[] = [];
    const query: BatchQuery = async (userIds, afterIds) => {
      statements.push({ userIds, afterIds });
      // user u has events u*10+1 … u*10+3; the rows come back ordered by (k, id), as the SQL orders them
      return userIds.flatMap((userId, i) =>
        [1, 2, 3].map((n) => userId * 10 + n).filter((id) => id > afterIds[i]!).map((id) => ({ k: i + 1, id, kind: "read" as const, sessionId: userId })),
      );
    };
    const reader = new EventLogReader(query);
    const pages = await Promise.all([reader.read(1, 0), reader.read(2, 21), reader.read(3, 33)]);
    expect(statements).toEqual([{ userIds: [1, 2, 3], afterIds: [0, 21, 33] }]);
    expect(pages.map((page) => page.map((out) => out.id))).toEqual([[11, 12, 13], [22, 23], []]);
    expect(pages[1]![0]).toEqual({ event: "read", id: 22, data: { sessionId: 2 } });
  });

  it("fails every read of a batch whose statement failed, and answers the next batch", async () => {
    let fail = true;
    const reader = new EventLogReader(async (userIds) => {
      if (fail) throw new Error("connection lost");
      return userIds.map((userId, i) => ({ k: i + 1, id: 100 + userId, kind: "session" as const, sessionId: 7 }));
    });
    const failed = await Promise.allSettled([reader.read(1, 0), reader.read(2, 0)]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect((await reader.read(5, 0)).map((out) => out.id)).toEqual([105]);
  });
});
