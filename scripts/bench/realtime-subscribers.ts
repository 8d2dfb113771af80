// The benchmark's SSE subscribers: many /api/v1/events streams read with plain node:http and a
// minimal frame parser, so that the clients cost little of the machine the server runs on. Run
// by scripts/bench/realtime.ts either in its own process (the default, a child spoken to over
// IPC) or inside the bench's process (--clients in-process), to measure what they cost.
import { Agent, request } from "node:http";

export type Subscriber = { userId: number; token: string; sessionId: number; base: string };
/** One `message` event as it reached a subscriber: what, to whom, and when (process.hrtime, ns). */
export type Arrival = { messageId: number; kind: "recipient" | "echo" | "stray"; at: bigint };

export type Subscribers = {
  opened: number;
  /** Ends every stream and resolves when they are closed. */
  close(): Promise<void>;
};

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

/** Opens one stream per subscriber, `parallel` at a time; `onArrival` is called for every message event. */
export async function openSubscribers(list: Subscriber[], onArrival: (arrival: Arrival) => void, parallel = 50): Promise<Subscribers> {
  const open: { destroy(): void; closed: Promise<void> }[] = [];
  const queue = [...list];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) open.push(await subscribe(next, onArrival));
    }),
  );
  return {
    opened: open.length,
    async close() {
      for (const stream of open) stream.destroy();
      await Promise.all(open.map((stream) => stream.closed));
    },
  };
}

function subscribe(subscriber: Subscriber, onArrival: (arrival: Arrival) => void): Promise<{ destroy(): void; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${subscriber.base}/api/v1/events`, { agent, headers: { authorization: `Bearer ${subscriber.token}`, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`SSE refused: ${res.statusCode}`));
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        const at = process.hrtime.bigint();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.startsWith("event: message\n")) continue; // comments, heartbeats, other events
          const data = frame.slice(frame.indexOf("data: ") + 6);
          const { sessionId, messageId, senderId } = JSON.parse(data) as { sessionId: number; messageId: number; senderId: number };
          const kind = sessionId !== subscriber.sessionId ? "stray" : senderId === subscriber.userId ? "echo" : "recipient";
          onArrival({ messageId, kind, at });
        }
      });
      const closed = new Promise<void>((done) => res.on("close", done));
      res.on("error", () => {});
      resolve({ destroy: () => req.destroy(), closed });
    });
    req.on("error", (error) => reject(error));
    req.end();
  });
}

// As a child process: { subscribers } in, "open" out, then arrivals in batches every few ms
// ([messageId, kind, at] with `at` as a string), and "closed" after { close: true }.
if (process.send && process.argv[2] === "--child") {
  let batch: [number, Arrival["kind"], string][] = [];
  const flush = () => {
    if (batch.length > 0) process.send!({ arrivals: batch });
    batch = [];
  };
  const timer = setInterval(flush, 5);
  let subscribers: Subscribers | null = null;
  process.on("message", async (message: { subscribers?: Subscriber[]; close?: true }) => {
    if (message.subscribers) {
      try {
        subscribers = await openSubscribers(message.subscribers, ({ messageId, kind, at }) => batch.push([messageId, kind, String(at)]));
        process.send!({ open: subscribers.opened });
      } catch (error) {
        process.send!({ failed: String(error) });
      }
    }
    if (message.close) {
      flush();
      clearInterval(timer);
      await subscribers?.close();
      process.send!({ closed: true, cpuSeconds: cpuSeconds() }, () => process.exit(0));
    }
  });
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
