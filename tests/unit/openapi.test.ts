import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { TOKEN_IDLE_DAYS } from "@/lib/api/token-lifetime";
import { sendRateRule } from "@/lib/participant-chat/send-rate-rule";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? routeFiles(path) : entry === "route.ts" ? [path] : [];
  });
}

describe("the mobile API's OpenAPI document", () => {
  it("lists exactly the routes and methods the app serves under /api/v1", () => {
    const served = routeFiles("app/api/v1").flatMap((file) => {
      const path = `/${relative("app/api/v1", file).replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}");
      const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!.toLowerCase());
      return methods.map((method) => `${method} ${path}`);
    });
    const documented = Object.entries(openApiDocument.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(served.sort()).toEqual(documented.sort());
  });

  it("documents Idempotency-Key (and its 422) on exactly the operations whose handler honours it", () => {
    const honouring = routeFiles("app/api/v1")
      .filter((file) => readFileSync(file, "utf8").includes("answerOncePerKey("))
      .map((file) => `/${relative("app/api/v1", file).replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}"));
    expect(honouring.sort()).toEqual(["/sessions", "/sessions/{id}/messages"]);
    const documented = Object.entries(openApiDocument.paths).flatMap(([path, operations]) =>
      Object.values(operations as Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>)
        .filter((operation) => operation.parameters?.some((parameter) => parameter.name === "Idempotency-Key") && "422" in operation.responses)
        .map(() => path),
    );
    expect(documented.sort()).toEqual(honouring.sort());
  });

  it("states the tokens' lifetime and the send rate in force, with the 429 and its Retry-After", () => {
    expect(openApiDocument.paths["/tokens"].post.description).toContain(`${TOKEN_IDLE_DAYS} days`);
    const send = openApiDocument.paths["/sessions/{id}/messages"].post;
    const { limit, windowSeconds } = sendRateRule();
    expect(send.description).toContain(`${limit} messages per ${windowSeconds} seconds`);
    expect(Object.keys(send.responses["429"].headers)).toEqual(["Retry-After"]);
  });
});
