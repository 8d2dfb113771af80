/** Bytes of whole values and how many values they are. */
export type ValueChunk = { bytes: Uint8Array; count: number };

// PostgreSQL's binary COPY: an 11-byte signature, a 32-bit flags field and a 32-bit header
// extension length (then the extension); each row a 16-bit field count (-1 ends the data) and
// each field a 32-bit length and its bytes (www.postgresql.org/docs/current/sql-copy.html).
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER = SIGNATURE.length + 8;

/**
 * The values of a binary COPY of one non-null column, a chunk of whole values for each chunk
 * that completes some: the bytes as PostgreSQL wrote them, never decoded (a list's CSV lines,
 * lib/list-engine/csv-in-sql.ts).
 */
export async function* valuesOfBinaryCopy(chunks: AsyncIterable<Buffer>): AsyncGenerator<ValueChunk> {
  let pending: Buffer = Buffer.alloc(0);
  let headerLeft: number | null = null;
  let ended = false;
  for await (const chunk of chunks) {
    let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    if (headerLeft === null) {
      if (buffer.length < HEADER) {
        pending = buffer;
        continue;
      }
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error("not a binary COPY");
      headerLeft = HEADER + buffer.readUInt32BE(HEADER - 4);
    }
    const skipped = Math.min(headerLeft, buffer.length);
    buffer = buffer.subarray(skipped);
    headerLeft -= skipped;
    const values: Buffer[] = [];
    let at = 0;
    while (!ended && buffer.length - at >= 2) {
      const fields = buffer.readInt16BE(at);
      if (fields === -1) {
        ended = true;
        break;
      }
      if (fields !== 1) throw new Error(`a binary COPY row of ${fields} fields, not 1`);
      if (buffer.length - at < 6) break;
      const length = buffer.readInt32BE(at + 2);
      if (length < 0) throw new Error("a null value in a binary COPY");
      if (buffer.length - at - 6 < length) break;
      values.push(buffer.subarray(at + 6, at + 6 + length));
      at += 6 + length;
    }
    if (!ended) pending = buffer.subarray(at);
    if (values.length > 0) yield { bytes: Buffer.concat(values), count: values.length };
  }
  if (!ended) throw new Error("a binary COPY that ended before its end marker");
}
