import { request as httpRequest } from "node:http";

/** A body in 1 KB chunks with no declared length (Transfer-Encoding: chunked). */
export function chunkedBody(bytes: number, init: RequestInit = {}): RequestInit {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(new Uint8Array(Math.min(1024, bytes - sent)).fill(0x61));
      sent += 1024;
    },
  });
  return { method: "POST", ...init, body, duplex: "half" } as RequestInit;
}

export type RawAnswer = { status: number; type: string; text: string };

/** Declares a body of `length` bytes, sends 1 KB of it and reads what comes back (no client sends 100 MB here). */
export function declaredBody(url: string, length: number, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: { ...headers, "content-length": String(length) } }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, type: String(response.headers["content-type"]), text }));
    });
    request.on("error", reject);
    request.write("a".repeat(1024));
  });
}
