import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { unusedPortRange } from "../e2e/support/unused-ports";

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

// Servers started by the launcher, the tests and the benches take ports below the kernel's
// ephemeral range, where no outgoing connection can take them first.
describe("ports for servers about to start", () => {
  it("freePort: free, and below the ephemeral range", async () => {
    for (let n = 0; n < 10; n += 1) {
      const port = await freePort();
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
      expect(await listens(port)).toBe(true);
    }
  });

  it("unusedPortRange: consecutive free ports for a browser run's servers, below the ephemeral range", async () => {
    const base = unusedPortRange(2);
    expect(base).toBeGreaterThanOrEqual(20_000);
    expect(base + 1).toBeLessThan(32_768);
    expect([await listens(base), await listens(base + 1)]).toEqual([true, true]);
  });
});
