import { afterEach, describe, expect, it, vi } from "vitest";
import { exportResponse } from "@/lib/export/response";

// Issue 16: an idle server kept a large export's heap and buffers until it next allocated; the
// export asks V8 for one collection once its last bytes are gone (with node --expose-gc).

const withGc = globalThis as { gc?: () => void };
const columns = [{ header: "id", value: (row: { id: number }) => row.id }] as never;

async function download(count: number): Promise<void> {
  async function* rows() {
    for (let from = 0; from < count; from += 10_000) yield Array.from({ length: Math.min(10_000, count - from) }, (_, index) => ({ id: from + index }));
  }
  await exportResponse({ format: "csv", name: "t", columns, rows: rows(), rightToLeft: false, onEnd: async () => {} }).text();
}

afterEach(() => {
  delete withGc.gc;
});

describe("a large export's memory", () => {
  it("BULK-3 an export of 50,000 rows or more asks for one collection shortly after it ends; a small one does not", async () => {
    const gc = vi.fn();
    withGc.gc = gc;
    await download(20);
    await download(50_000);
    await vi.waitFor(() => expect(gc).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    await download(49_999);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it("without --expose-gc there is nothing to call, and the export ends as usual", async () => {
    expect(withGc.gc).toBeUndefined();
    await expect(download(50_000)).resolves.toBeUndefined();
  });
});
