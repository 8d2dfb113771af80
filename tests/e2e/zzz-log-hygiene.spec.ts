import { expect, test } from "./support/test";
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";
import { allE2eServerLogs, e2eServerLog } from "./support/paths";

// Runs after every other spec (the project "last" of tests/playwright.config.ts), so the logs it
// searches are the whole run's: every page, action and API call the suite made, plus the ones below.
test("the server's log of the whole run holds no password, bearer token or message body, and one line per request", async ({ page, request }) => {
  await signIn(page, "support", "en");
  const issued = await request.post("/api/v1/tokens", { data: { email: "customer@demo.test", password: DEMO_PASSWORD } });
  expect(issued.status()).toBe(201);
  const { token } = (await issued.json()) as { token: string };
  const bearer = { authorization: `Bearer ${token}` };
  const { rows } = await e2eDb().query<{ id: number }>("SELECT id FROM products ORDER BY id LIMIT 1");
  const started = await request.post("/api/v1/sessions", { headers: bearer, data: { productId: rows[0]!.id } });
  expect([200, 201]).toContain(started.status());
  const { id: sessionId } = (await started.json()) as { id: number };
  const body = `log hygiene probe ${Date.now()} — رسالة خاصة`;
  const sent = await request.post(`/api/v1/sessions/${sessionId}/messages`, { headers: bearer, data: { body } });
  expect(sent.status()).toBe(201);
  const requestId = sent.headers()["x-request-id"] ?? "";
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  // A failed sign-in with a bearer-looking password, and a request with the token in its query string.
  await request.post("/api/v1/tokens", { data: { email: "customer@demo.test", password: `${token}x` } });
  await request.get(`/api/v1/sessions?token=${token}`, { headers: bearer });

  let log = "";
  await expect(async () => {
    log = readFileSync(e2eServerLog(), "utf8");
    expect(log).toContain(requestId);
  }).toPass({ timeout: 10_000 });
  const sendLine = log.split("\n").find((line) => line.includes(requestId))!;
  expect(JSON.parse(sendLine)).toMatchObject({ msg: "request", route: "/api/v1/sessions/[id]/messages", method: "POST", status: 201, reqId: requestId, userId: expect.any(Number) });
  const secrets = { "the demo password": DEMO_PASSWORD, "a bearer token": token, "a message body": body, "part of a message body": "log hygiene probe" };
  for (const [what, secret] of Object.entries(secrets)) {
    const lines = log.split("\n").filter((line) => line.includes(secret));
    expect(lines, `${what} is in the server's log`).toEqual([]);
  }
  // The other worker's server signed in the same demo accounts all run long.
  const logs = allE2eServerLogs();
  expect(logs).toContain(e2eServerLog());
  for (const file of logs) expect(readFileSync(file, "utf8").includes(DEMO_PASSWORD), `the demo password is in ${file}`).toBe(false);
});
