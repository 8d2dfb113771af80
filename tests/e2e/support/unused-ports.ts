import { execFileSync } from "node:child_process";

// Below Linux's ephemeral range (32768 and up, /proc/sys/net/ipv4/ip_local_port_range), out of
// which the kernel picks the local port of every outgoing connection.
const LOWEST = 20_000;
const EPHEMERAL = 32_768;

// Tries random bases until `count` consecutive ports can all be listened on; prints the base.
const PROBE = `
const net = require("node:net");
const count = Number(process.argv[1]);
const listen = (port) => new Promise((resolve) => {
  const server = net.createServer().once("error", () => resolve(null)).listen(port, () => resolve(server));
});
(async () => {
  for (;;) {
    const base = ${LOWEST} + Math.floor(Math.random() * (${EPHEMERAL} - ${LOWEST} - count));
    const servers = [];
    for (let port = base; port < base + count; port += 1) servers.push(await listen(port));
    await Promise.all(servers.map((server) => server && new Promise((resolve) => server.close(resolve))));
    if (servers.every(Boolean)) return console.log(base);
  }
})();`;

/**
 * The first of `count` consecutive ports for a run's servers: free now, and outside the ephemeral
 * range, so that no outgoing connection (to PostgreSQL, say) takes one as its local port in the
 * minutes before the servers bind them — a random port in 20000–40000 once was, and the embedded
 * run's server failed with EADDRINUSE. Synchronous: Playwright's config is not awaited.
 */
export function unusedPortRange(count: number): number {
  return Number(execFileSync(process.execPath, ["-e", PROBE, String(count)], { encoding: "utf8" }).trim());
}
