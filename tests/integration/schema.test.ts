import { inject, describe, expect, it } from "vitest";
import { EMPTY_MIGRATION, diffDatabaseToSchema } from "../../scripts/db/schema-engine";
import { db } from "@/lib/db";

describe("database schema", () => {
  it("the migrations produce exactly schema.prisma (nobody changed one without the other)", async () => {
    const sql = await diffDatabaseToSchema(inject("databaseUrl"));
    expect(sql.trim()).toBe(EMPTY_MIGRATION);
  });

  it("SEARCH-1 keys: names are normalised for Arabic (hamza forms, ta marbuta, alef maqsura, tashkeel, tatweel)", async () => {
    const rows = await db.$queryRawUnsafe<{ out: string }[]>(`SELECT search_normalize('أحمـــد إبراهيمُ آمنة مصطفى') AS out`);
    expect(rows[0]?.out).toBe("احمد ابراهيم امنه مصطفي");
  });
});
