// NODE_OPTIONS="--require ./scripts/bench/event-loop-monitor.cjs" npm run bench:realtime -- …
// Loaded into every Node process of a bench (the bench, the server, the subscribers): each half
// second in which a process's event loop stalled more than 30 ms, it prints the process, the
// time, the longest stall, the 99th percentile, and its garbage collections in that half second.
// Used to find where the latency tail at 1,000 messages/s comes from (README, "Benchmark").
const { monitorEventLoopDelay, PerformanceObserver } = require("node:perf_hooks");

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
let gcLongest = 0;
let gcTotal = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcTotal += entry.duration;
    gcLongest = Math.max(gcLongest, entry.duration);
  }
}).observe({ entryTypes: ["gc"] });

const ms = (ns) => (ns / 1e6).toFixed(1);
setInterval(() => {
  if (delay.max / 1e6 > 30) {
    const name = (process.argv[1] ?? "").split("/").pop();
    process.stderr.write(
      `event loop ${process.pid} ${name} ${new Date().toISOString().slice(11, 23)}: stalled ${ms(delay.max)} ms (p99 ${ms(delay.percentile(99))}), gc longest ${gcLongest.toFixed(1)} ms, total ${gcTotal.toFixed(1)} ms\n`,
    );
  }
  delay.reset();
  gcLongest = 0;
  gcTotal = 0;
}, 500).unref();
