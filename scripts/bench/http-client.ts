// What the HTTP benches share: plain node:http calls with keep-alive, and a staff sign-in.
import { Agent, request as httpRequest } from "node:http";

// Plain node:http with keep-alive: fetch costs the client several times more CPU.
export const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
export type Reply = { status: number; text: string; location?: string; setCookie: string[] };
export function httpCall(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, agent, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, text, location: res.headers.location, setCookie: res.headers["set-cookie"] ?? [] }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Signs in through next-auth's credentials endpoint, as the form does; returns the cookie header. */
export async function signIn(base: string, email: string, password = "demo-password"): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (reply: Reply) => {
    for (const cookie of reply.setCookie) {
      const [pair] = cookie.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await httpCall(base, "GET", "/api/auth/csrf", {});
  remember(csrf);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  remember(await httpCall(base, "POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body));
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed for ${email}`);
  return cookie();
}
