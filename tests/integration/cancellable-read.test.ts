import { describe, expect, it } from "vitest";
import { cancellableRead, dbPool, queryRows, signalWhileRunning } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// The list's race between a walk and the matches-first read (lib/list-engine/plan.ts) cancels the
// loser through PostgreSQL's pg_cancel_backend; the connection must come back to the pool whole.

const sleeping = async (tag: string) =>
  (
    await queryRows<{ n: number }>(
      Prisma.sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE ${`%${tag}%`} AND pid <> pg_backend_pid()`,
    )
  )[0]!.n;

describe("a read that can be cancelled", () => {
  it("stops a running statement: its rows reject as cancelled, and the pool answers after", async () => {
    const read = cancellableRead(Prisma.sql`SELECT pg_sleep(60), 'cancel-me-1' AS tag`);
    const outcome = read.rows.then(
      () => "answered",
      (error: { code?: string }) => error.code,
    );
    await expect.poll(() => sleeping("cancel-me-1"), { timeout: 20_000 }).toBe(1);
    await read.cancel();
    expect(await outcome).toBe("57014");
    // The client hears of the cancel before the backend shows itself no longer active.
    await expect.poll(() => sleeping("cancel-me-1")).toBe(0);
    // Every pooled connection, the cancelled one among them, still answers.
    const answers = await Promise.all(Array.from({ length: 10 }, () => queryRows<{ one: number }>(Prisma.sql`SELECT 1 AS one`)));
    expect(answers.map((rows) => rows[0]!.one)).toEqual(Array(10).fill(1));
  });

  it("leaves a read that has answered as it was", async () => {
    const read = cancellableRead<{ n: number }>(Prisma.sql`SELECT 41 + 1 AS n`);
    expect(await read.rows).toEqual([{ n: 42 }]);
    await read.cancel();
    expect(await read.rows).toEqual([{ n: 42 }]);
  });

  it("cancelled at any moment after it starts, stops: before its statement is sent, or as it starts running", async () => {
    // The cancel finds the statement by its token once the backend shows it running; one asked for
    // while the statement is on its way tries again. A read left running would hold its cancel for
    // its whole 60 s, and fail the test by its timeout.
    const reads = Array.from({ length: 20 }, (_, index) => cancellableRead(Prisma.sql`SELECT pg_sleep(60), ${`cancel-me-early-${index}`} AS tag`));
    await Promise.all(reads.map(async (read, index) => (await new Promise((resolve) => setTimeout(resolve, index % 5)), read.cancel())));
    const outcomes = await Promise.all(reads.map((read) => read.rows.then((rows) => (rows.length === 0 ? "not sent" : "answered"), (error: { code?: string }) => error.code)));
    expect(outcomes.filter((outcome) => outcome !== "not sent" && outcome !== "57014")).toEqual([]);
    // Each was stopped: none still sleeps once the backends have caught up (a read left running would for 60 s).
    await expect.poll(() => sleeping("cancel-me-early")).toBe(0);
  });

  it("a cancel asked for before the statement shows as running reaches it once it does", async () => {
    const token = "/* read cancel-me-late */";
    const client = await dbPool().connect();
    try {
      let statementSent: () => void = () => undefined;
      const read = new Promise<unknown>((resolve) => (statementSent = () => resolve(undefined))).then(() => client.query(`${token} SELECT pg_sleep(60)`));
      const signal = signalWhileRunning(token, read);
      // Nothing runs with the token yet: the cancel keeps looking.
      await expect.poll(() => sleeping("cancel-me-late")).toBe(0);
      statementSent();
      await signal;
      await expect(read).rejects.toMatchObject({ code: "57014" });
    } finally {
      client.release();
    }
  });

  it("runs without JIT and without parallel workers, and leaves the pooled connection's settings as they were", async () => {
    // Two raced reads share the cores: the second is a hedge, and must not take them all (lib/db.ts).
    const settings = Prisma.sql`SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers`;
    const [before] = await queryRows<{ jit: string; workers: string }>(settings);
    expect(before!.workers).not.toBe("0");
    expect(await cancellableRead(settings).rows).toEqual([{ jit: "off", workers: "0" }]);
    // Every pooled connection, the read's own among them, is back to the server's settings.
    const after = await Promise.all(Array.from({ length: 10 }, async () => (await queryRows<{ jit: string; workers: string }>(settings))[0]));
    expect(after).toEqual(Array(10).fill(before));
  });

  it("cancelled before its statement is sent, runs nothing", async () => {
    const read = cancellableRead<{ n: number }>(Prisma.sql`SELECT 1 AS n`);
    await read.cancel();
    expect(await read.rows).toEqual([]);
  });
});
