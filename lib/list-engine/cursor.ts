import { z } from "zod";
import type { SortType } from "./declaration";
import { MAX_ID } from "@/lib/id-schema";

/** A row's place in a sorted list: its value in the sort column, and its id (the tie-break). */
export type Cursor = { value: string | number; id: number };

const cursorSchema = z.tuple([z.union([z.string().max(1000), z.number()]), z.number().int().min(1).max(MAX_ID)]);

// What a cursor's value must look like for its sort's SQL type, as the list writes them: a string
// for names (without NUL, which PostgreSQL text cannot hold), an int4 for counts, exact decimal
// text for amounts, a `toISOString()` time. Anything else would fail in PostgreSQL's cast (a 500)
// or compare as something else, so it is refused here.
const VALUE_OF_TYPE: Record<SortType, (value: string | number) => boolean> = {
  text: (value) => typeof value === "string" && !value.includes("\u0000"),
  int: (value) => typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= MAX_ID,
  numeric: (value) => typeof value === "string" && /^-?\d{1,20}(\.\d{1,10})?$/.test(value),
  timestamptz: (value) => typeof value === "string" && /^\d{4}-/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
};

// base64url of UTF-8 JSON, written with web APIs because the browser builds these URLs too.
export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.value, cursor.id]));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor in a URL value, or null when it is not one, or its value cannot be of the sort's type. */
export function decodeCursor(raw: string, type: SortType): Cursor | null {
  try {
    const binary = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = cursorSchema.safeParse(JSON.parse(json));
    if (!parsed.success || !VALUE_OF_TYPE[type](parsed.data[0])) return null;
    return { value: parsed.data[0], id: parsed.data[1] };
  } catch {
    return null;
  }
}
