import { describe, expect, it } from "vitest";
import { cancellableRead, queryRows } from "@/lib/db";
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
    expect(await sleeping("cancel-me-1")).toBe(0);
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

  it("cancelled before its statement is sent, runs nothing", async () => {
    const read = cancellableRead<{ n: number }>(Prisma.sql`SELECT 1 AS n`);
    await read.cancel();
    expect(await read.rows).toEqual([]);
  });
});
