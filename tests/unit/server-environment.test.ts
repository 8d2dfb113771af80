import { describe, expect, it } from "vitest";
import { serverEnvironment } from "@/scripts/lib/server-process";

// The server's allocator (scripts/lib/server-process.ts): jemalloc where Debian's package is
// installed, two glibc arenas in any case, and the operator's own choice over either.
// (this project's ProcessEnv type requires NODE_ENV, which these environments do not need)
const environment = (variables: Record<string, string>) => variables as unknown as NodeJS.ProcessEnv;

describe("the server's environment", () => {
  const installed = process.execPath; // a file that exists, standing in for the library
  const missing = "/nowhere/libjemalloc.so.2";

  it("preloads jemalloc when it is installed, with freed pages purged in the background", () => {
    const env = serverEnvironment(environment({ PORT: "3000" }), installed);
    expect(env).toMatchObject({ PORT: "3000", LD_PRELOAD: installed, MALLOC_ARENA_MAX: "2" });
    expect(env.MALLOC_CONF).toContain("background_thread:true");
  });

  it("keeps glibc, with two arenas, when jemalloc is not installed", () => {
    const env = serverEnvironment(environment({}), missing);
    expect(env.LD_PRELOAD).toBeUndefined();
    expect(env.MALLOC_CONF).toBeUndefined();
    expect(env.MALLOC_ARENA_MAX).toBe("2");
  });

  it("leaves the operator's own choices alone (an empty LD_PRELOAD turns jemalloc off)", () => {
    expect(serverEnvironment(environment({ LD_PRELOAD: "" }), installed)).toEqual({ LD_PRELOAD: "", MALLOC_ARENA_MAX: "2" });
    expect(serverEnvironment(environment({ MALLOC_CONF: "dirty_decay_ms:0", MALLOC_ARENA_MAX: "8" }), installed)).toMatchObject({ LD_PRELOAD: installed, MALLOC_CONF: "dirty_decay_ms:0", MALLOC_ARENA_MAX: "8" });
  });
});
