import { describe, expect, it } from "vitest";
import { EMPTY_MIGRATION, diffDatabaseToSchema } from "../../scripts/db/schema-engine";
import { db } from "@/lib/db";
import { normalizeForSearch } from "@/lib/search/normalize";

describe("database schema", () => {
  it("the migrations produce exactly schema.prisma (nobody changed one without the other)", async () => {
    const sql = await diffDatabaseToSchema(process.env.DATABASE_URL!);
    expect(sql.trim()).toBe(EMPTY_MIGRATION);
  });

  it("SEARCH-1 keys: names are normalised for Arabic (hamza forms, ta marbuta, alef maqsura, tashkeel, tatweel)", async () => {
    const rows = await db.$queryRawUnsafe<{ out: string }[]>(`SELECT search_normalize('أحمـــد إبراهيمُ آمنة مصطفى') AS out`);
    expect(rows[0]?.out).toBe("احمد ابراهيم امنه مصطفي");
  });

  it("SEARCH-1: the SQL and TypeScript normalisations agree on a corpus of names", async () => {
    const corpus = ["أحمد", "إبراهيم", "آمنة", "ٱلقرآن", "مصطفى", "فاطمة", "مُحَمَّد", "مـــريم", "Smart WATCH", "Café Noir", "سماعات لاسلكية ٢٠٢٥", "عبدالله_%"];
    const rows = await db.$queryRawUnsafe<{ input: string; out: string }[]>(
      `SELECT input, search_normalize(input) AS out FROM unnest($1::text[]) AS input`,
      corpus,
    );
    for (const row of rows) expect(row.out, row.input).toBe(normalizeForSearch(row.input));
  });
});
