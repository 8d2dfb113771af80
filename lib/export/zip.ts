import { constants, crc32, deflateRawSync } from "node:zlib";

// A ZIP archive written front to back, for a download streamed as it is made: each entry's
// local header says "sizes follow" (general purpose bit 3) and a data descriptor after its data
// carries its CRC-32 and sizes; the central directory comes last. No ZIP64: an entry or the
// archive past 4 GiB is refused rather than written wrong (an XLSX of a million sessions is ~300 MB
// of XML before compression).

const SIZES_FOLLOW_UTF8 = 0x0808; // bit 3: sizes in the data descriptor; bit 11: UTF-8 names
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffff_ffff;

type Entry = { name: Buffer; offset: number; crc: number; compressed: number; size: number; time: number; date: number };

function dosTimeDate(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

function checked(value: number, what: string): number {
  if (value > LIMIT) throw new Error(`the archive's ${what} passed 4 GiB (no ZIP64)`);
  return value;
}

/**
 * The archive's bytes, in order: `open(name)` starts an entry, `write(text)` deflates a piece of
 * it, `close()` ends the entry, `finish()` writes the central directory. Every call returns the
 * bytes to send next. Each piece is deflated on its own and ends with a sync flush, so the pieces
 * join into one valid deflate stream without holding a compressor between pulls.
 */
export function zipWriter() {
  const entries: Entry[] = [];
  const stamp = dosTimeDate(new Date());
  let offset = 0;
  let current: Entry | null = null;
  const emit = (bytes: Buffer): Buffer => {
    offset = checked(offset + bytes.length, "size");
    return bytes;
  };

  return {
    open(name: string): Buffer {
      if (current) throw new Error("an entry is open");
      current = { name: Buffer.from(name, "utf8"), offset, crc: 0, compressed: 0, size: 0, ...stamp };
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(SIZES_FOLLOW_UTF8, 6);
      header.writeUInt16LE(DEFLATE, 8);
      header.writeUInt16LE(current.time, 10);
      header.writeUInt16LE(current.date, 12);
      // CRC-32 and sizes (14..25) stay 0: the data descriptor carries them.
      header.writeUInt16LE(current.name.length, 26);
      return emit(Buffer.concat([header, current.name]));
    },
    write(text: string): Buffer {
      if (!current) throw new Error("no entry is open");
      const raw = Buffer.from(text, "utf8");
      const packed = deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
      current.crc = crc32(raw, current.crc);
      current.size = checked(current.size + raw.length, "entry");
      current.compressed = checked(current.compressed + packed.length, "entry");
      return emit(packed);
    },
    close(): Buffer {
      if (!current) throw new Error("no entry is open");
      const last = deflateRawSync(Buffer.alloc(0)); // the final (empty) block
      current.compressed += last.length;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(current.crc >>> 0, 4);
      descriptor.writeUInt32LE(checked(current.compressed, "entry"), 8);
      descriptor.writeUInt32LE(current.size, 12);
      entries.push(current);
      current = null;
      return emit(Buffer.concat([last, descriptor]));
    },
    finish(): Buffer {
      if (current) throw new Error("an entry is open");
      const directory = entries.map((entry) => {
        const header = Buffer.alloc(46);
        header.writeUInt32LE(0x02014b50, 0);
        header.writeUInt16LE(VERSION, 4);
        header.writeUInt16LE(VERSION, 6);
        header.writeUInt16LE(SIZES_FOLLOW_UTF8, 8);
        header.writeUInt16LE(DEFLATE, 10);
        header.writeUInt16LE(entry.time, 12);
        header.writeUInt16LE(entry.date, 14);
        header.writeUInt32LE(entry.crc >>> 0, 16);
        header.writeUInt32LE(entry.compressed, 20);
        header.writeUInt32LE(entry.size, 24);
        header.writeUInt16LE(entry.name.length, 28);
        header.writeUInt32LE(entry.offset, 42);
        return Buffer.concat([header, entry.name]);
      });
      const directoryBytes = Buffer.concat(directory);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(directoryBytes.length, 12);
      end.writeUInt32LE(offset, 16);
      return emit(Buffer.concat([directoryBytes, end]));
    },
  };
}
