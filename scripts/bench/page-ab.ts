// `npm run bench:page-ab -- name=dir[:node] …`: the same page served by several builds, A/B
// (issue 16's "server time per list page halved"). Each `dir` is a checkout with its own
// `npm run build` (a git worktree of another commit: README, Benchmarks), started as `npm start`
// serves it (scripts/serve.ts) on the bench database with its own Node (`dir`'s
// node_modules/.bin/node, or the `node` given: `/usr/bin/node` for the machine's Node 20). One
// signed-in admin in Arabic; every server warmed, then the servers' requests interleaved one by one,
// so that the machine's drift falls on all of them alike. Prints each build's p50 and p95, its
// server CPU a page (the process tree's, from /proc) and its bytes.
import { parseArgs } from "node:util";
import { benchDatabaseUrl } from "./database";
import { cpuTicks, percentile, startAppServer } from "./harness";
import { httpCall, signIn } from "./http-client";
import { table } from "./measure";
import { wholeNumberFlags } from "./options";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { warm: { type: "string", default: "300" }, samples: { type: "string", default: "600" }, path: { type: "string", default: "/chat-sessions" } },
});
const flag = wholeNumberFlags(values);
const [warm, samples] = [flag("warm"), flag("samples")];
if (positionals.length === 0) throw new Error("name one or more builds: name=dir[:node], e.g. before=../wt/base:/usr/bin/node after=.");

type Build = { name: string; base: string; pid: number; cookie: string; times: number[]; bytes: number };
const url = await benchDatabaseUrl();
const builds: Build[] = [];
process.on("exit", () => {
  for (const build of builds)
    try {
      process.kill(-build.pid, "SIGTERM");
    } catch {
      // already gone
    }
});
process.on("SIGINT", () => process.exit(130));

for (const spec of positionals) {
  const [name, place] = spec.split("=") as [string, string | undefined];
  if (!place) throw new Error(`"${spec}" is not name=dir[:node]`);
  const [dir, node] = place.split(":") as [string, string | undefined];
  const { base, child } = await startAppServer({ databaseUrl: url, pool: 4, cwd: dir, node: node ?? `${dir}/node_modules/.bin/node` });
  const build: Build = { name, base, pid: child.pid ?? 0, cookie: "", times: [], bytes: 0 };
  builds.push(build);
  build.cookie = `${await signIn(base, "admin@demo.test")}; locale=ar`;
}

async function fetchPage(build: Build): Promise<number> {
  const started = performance.now();
  const reply = await httpCall(build.base, "GET", values.path!, { cookie: build.cookie });
  if (reply.status !== 200) throw new Error(`${build.name}: ${values.path} answered ${reply.status}`);
  build.bytes = Buffer.byteLength(reply.text);
  return performance.now() - started;
}

/** CPU ticks (1/100 s) of a server and the processes it started. */
const treeTicks = (pid: number) => [...cpuTicks([pid]).values()].reduce((sum, ticks) => sum + ticks, 0);

for (let round = 0; round < warm; round += 1) for (const build of builds) await fetchPage(build);
const ticksBefore = builds.map((build) => treeTicks(build.pid));
for (let round = 0; round < samples; round += 1) for (const build of builds) build.times.push(await fetchPage(build));
const ticksAfter = builds.map((build) => treeTicks(build.pid));
console.log(`\n${values.path}, ${warm} requests each to warm, then ${samples} each, interleaved (ms)\n`);
console.log(
  table([
    ["build", "p50", "p95", "server CPU a page", "KB"],
    ...builds.map((build, index) => {
      const sorted = [...build.times].sort((a, b) => a - b);
      const cpuMs = (((ticksAfter[index] ?? 0) - (ticksBefore[index] ?? 0)) * 10) / samples;
      return [build.name, percentile(sorted, 0.5).toFixed(1), percentile(sorted, 0.95).toFixed(1), cpuMs.toFixed(1), (build.bytes / 1024).toFixed(1)];
    }),
  ]),
);
process.exit(0);
