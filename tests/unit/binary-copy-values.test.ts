import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { valuesOfBinaryCopy } from "@/lib/export/binary-copy-values";

// What PostgreSQL writes for `COPY (SELECT line …) TO STDOUT (FORMAT binary)`: the signature,
// flags, a header extension, then per row a field count of 1, the value's length and its bytes,
// then -1.
function binaryCopy(values: string[], extension = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(extension.length, 4);
  const rows = values.map((value) => {
    const bytes = Buffer.from(value, "utf8");
    const prefix = Buffer.alloc(6);
    prefix.writeInt16BE(1, 0);
    prefix.writeInt32BE(bytes.length, 2);
    return Buffer.concat([prefix, bytes]);
  });
  return Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), header, extension, ...rows, Buffer.from([0xff, 0xff])]);
}

async function* inChunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function read(chunks: AsyncGenerator<Buffer>): Promise<{ text: string; count: number; chunks: number }> {
  const parts: Uint8Array[] = [];
  let count = 0;
  for await (const chunk of valuesOfBinaryCopy(chunks)) {
    parts.push(chunk.bytes);
    count += chunk.count;
  }
  return { text: Buffer.concat(parts).toString("utf8"), count, chunks: parts.length };
}

describe("the values of a binary COPY (a list's CSV lines written by PostgreSQL)", () => {
  it("BULK-3 hands on every value's bytes, in order and counted, wherever the chunks are cut", async () => {
    const line = fc.string({ unit: fc.constantFrom("a", ",", '"', "\r\n", "ب", "٣", "😀", "\u0000", " "), maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.uint8Array({ maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), async (values, extension, cuts) => {
        const bytes = binaryCopy(values, Buffer.from(extension));
        const result = await read(inChunks(bytes, cuts.map((cut) => cut % (bytes.length + 1))));
        expect(result.text).toBe(values.join(""));
        expect(result.count).toBe(values.length);
      }),
      { numRuns: 300 },
    );
  });

  it("BULK-3 yields a chunk of whole values for each chunk that completes some", async () => {
    const bytes = binaryCopy(["one,1\r\n", "two,2\r\n", "three,3\r\n"]);
    expect(await read(inChunks(bytes, []))).toEqual({ text: "one,1\r\ntwo,2\r\nthree,3\r\n", count: 3, chunks: 1 });
    // cut inside the second value: the first chunk holds the first value only
    const second = bytes.indexOf("two");
    expect(await read(inChunks(bytes, [second + 1]))).toEqual({ text: "one,1\r\ntwo,2\r\nthree,3\r\n", count: 3, chunks: 2 });
  });

  it("refuses what is not one non-null column of a whole binary COPY", async () => {
    const twoFields = binaryCopy(["x"]);
    twoFields.writeInt16BE(2, 19);
    const nullValue = binaryCopy(["x"]);
    nullValue.writeInt32BE(-1, 21);
    const cut = binaryCopy(["abc"]).subarray(0, 25);
    await expect(read(inChunks(Buffer.from("name,count\r\none,1\r\ntwo,2\r\n"), []))).rejects.toThrow("not a binary COPY");
    await expect(read(inChunks(twoFields, []))).rejects.toThrow("2 fields");
    await expect(read(inChunks(nullValue, []))).rejects.toThrow("null value");
    await expect(read(inChunks(cut, []))).rejects.toThrow("ended before its end marker");
  });
});
