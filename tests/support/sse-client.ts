/** One server-sent event as a client sees it. */
export type SseEvent = { event: string; id: string | null; data: string };

/**
 * Reads a text/event-stream response frame by frame (fetch, no EventSource): enough for tests
 * and the benchmark to wait for a given event.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  private buffer = "";
  private received = "";
  private waiters: (() => void)[] = [];
  readonly done: Promise<void>;

  constructor(response: Response, private readonly onEvent?: (event: SseEvent) => void) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    this.done = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const text = decoder.decode(value, { stream: true });
          this.buffer += text;
          this.received += text;
          this.drain();
        }
      } catch {
        // aborted
      }
    })();
  }

  /** Everything received so far, as it came (comments and retry hints included). */
  text(): string {
    return this.received;
  }

  private drain() {
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = "message";
      let id: string | null = null;
      const data: string[] = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("id: ")) id = line.slice(4);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
      }
      if (data.length === 0) continue; // comments, retry hints, heartbeats
      const parsed = { event, id, data: data.join("\n") };
      this.events.push(parsed);
      this.onEvent?.(parsed);
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves with the first event (seen or coming) that matches, or rejects after `timeoutMs`. */
  async waitFor(match: (event: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Opens an SSE stream; returns the reader and a function that closes it. */
export async function openSse(url: string, headers: Record<string, string>): Promise<{ sse: SseReader; close: () => void; status: number }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  return { sse: new SseReader(response), close: () => controller.abort(), status: response.status };
}
