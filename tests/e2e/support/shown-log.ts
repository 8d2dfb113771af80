import type { Readable, Writable } from "node:stream";

/**
 * Copies a server's output to the test run's own, without the one-line-per-request access log
 * (pino level info, msg "request"): hundreds of those lines per spec buried the one failure that
 * mattered in CI's output. Warnings, errors and the launcher's own lines still show; the whole
 * log, access lines included, goes to `keepWhole` when given.
 */
export function showServerOutput(output: Readable, shown: Writable, keepWhole?: Writable): void {
  let partial = "";
  output.on("data", (chunk: Buffer) => {
    keepWhole?.write(chunk);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (!isAccessLine(line)) shown.write(`${line}\n`);
  });
  output.on("end", () => {
    if (partial && !isAccessLine(partial)) shown.write(`${partial}\n`);
  });
}

function isAccessLine(line: string): boolean {
  if (!line.startsWith("{")) return false;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    return entry.msg === "request" && (entry.level ?? 0) < 40;
  } catch {
    return false;
  }
}
