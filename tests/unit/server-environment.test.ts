import { describe, expect, it } from "vitest";
import { serverEnvironment } from "@/scripts/lib/server-process";

// (this project's ProcessEnv type requires NODE_ENV, which these environments do not need)
const environment = (variables: Record<string, string>) => variables as unknown as NodeJS.ProcessEnv;

// The server's allocator (scripts/lib/server-process.ts): two glibc arenas unless the operator
// chose otherwise, and the operator's allocator (LD_PRELOAD) passed on as given.
describe("the server's environment", () => {
  it("runs glibc with two arenas, keeping the rest of the environment", () => {
    expect(serverEnvironment(environment({ PORT: "3000" }))).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: "2" });
  });

  it("leaves the operator's own choices alone", () => {
    const chosen = { MALLOC_ARENA_MAX: "8", LD_PRELOAD: "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", MALLOC_CONF: "background_thread:true" };
    expect(serverEnvironment(environment(chosen))).toEqual(chosen);
  });
});
