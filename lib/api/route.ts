import "server-only";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isDatabaseUnavailable, isMissingRowViolation } from "@/lib/db-errors";
import { DomainError, type DomainErrorCode } from "@/lib/errors";
import { API_BODY_LIMIT } from "@/lib/http/body-limit";
import { noteRequestUser } from "@/lib/observability/request-context";
import { logUnexpected } from "@/lib/observability/unexpected-error";
import { can } from "@/lib/permissions";
import { SendingTooFast } from "@/lib/participant-chat/send-rate";
import { isMobileChatEnabled } from "@/lib/settings/mobile-chat";
import { apiError, type ApiErrorCode } from "./errors";
import { fingerprintOf, idempotencyKeyOf, onceForKey } from "./idempotency";
import { userOfToken } from "./tokens";

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly fields?: Record<string, string>,
  ) {
    super(code);
  }
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match?.[1] ?? null;
}

/** The token's user, who must be a customer or vendor, with chat switched on (SET-1). */
export async function chatUser(request: Request): Promise<CurrentUser> {
  const token = bearerToken(request);
  const user = token ? await userOfToken(token) : null;
  if (!user) throw new ApiFailure(401, "unauthorized");
  noteRequestUser(user.id);
  if (!can(user.role, "chat.participate")) throw new ApiFailure(403, "forbidden");
  if (!(await isMobileChatEnabled())) throw new ApiFailure(403, "chat_disabled");
  return user;
}

async function callerStillSignedIn(request: Request): Promise<boolean> {
  const token = bearerToken(request);
  return token !== null && (await userOfToken(token, { fresh: true })) !== null;
}

/** The JSON body, parsed and checked by a zod schema; too large or malformed bodies are refused. */
export async function jsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await limitedText(request, API_BODY_LIMIT);
  let value: unknown;
  try {
    value = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiFailure(400, "malformed_json");
  }
  return parsed(schema, value);
}

/**
 * The body as text, refused with 413 as soon as it passes `limit` bytes: a declared length is
 * checked before reading, and an undeclared (chunked) body is counted while it streams, so a
 * huge upload is never held in memory.
 */
async function limitedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw new ApiFailure(413, "too_large");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ApiFailure(413, "too_large");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiFailure(400, "malformed_json");
  }
}

export function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  throw new ApiFailure(400, "invalid", fields);
}

// A domain error's HTTP status; its code is the API's code as it is.
const STATUS_OF = { invalid: 400, forbidden: 403, chat_disabled: 403, not_found: 404, conflict: 409, rate_limited: 429, unavailable: 503, internal: 500 } as const satisfies Record<DomainErrorCode, number>;

/**
 * Every /api/v1 handler runs inside this: whatever goes wrong becomes the one error shape with a
 * stable code and a localized message — never a 500 with a stack trace.
 */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => finished(await answer(request, context));
  async function answer(request: Request, context: C): Promise<Response> {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiFailure) return apiError(request, error.status, error.code, error.fields);
      if (error instanceof DomainError) {
        const response = apiError(request, STATUS_OF[error.code], error.code, error.fieldErrors);
        if (error instanceof SendingTooFast) response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
      if (isDatabaseUnavailable(error)) return apiError(request, 503, "unavailable");
      // A write named a row that is gone: the caller, deleted while an instance still held their
      // token (another instance, or straight in the database), or else a row deleted under the
      // request, between its check and its write.
      if (isMissingRowViolation(error)) {
        return (await callerStillSignedIn(request)) ? apiError(request, 404, "not_found") : apiError(request, 401, "unauthorized");
      }
      logUnexpected(error, "api request failed");
      return apiError(request, 500, "internal");
    }
  }
}

const COMPRESS_FROM = 1024;

/**
 * Answers are private to the caller: never cached. A JSON answer gets its length, so that the
 * server does not gzip the typical few hundred bytes (a compressor per answer costs more than
 * it saves); streams (SSE) pass untouched.
 */
async function finished(response: Response): Promise<Response> {
  if (response.headers.has("content-length") && response.headers.has("cache-control")) return response; // apiJson's, ready
  const headers = new Headers(response.headers);
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  if (!response.body || !headers.get("content-type")?.startsWith("application/json")) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength < COMPRESS_FROM) headers.set("content-length", String(bytes.byteLength));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}

/**
 * A small JSON answer built once, as `finished` would leave it (no-store, its length), for the hot
 * endpoints: no second copy of the body. Larger answers take the usual path (and may be gzipped).
 */
export function apiJson(data: unknown, status = 200): Response {
  const text = JSON.stringify(data);
  const length = Buffer.byteLength(text);
  if (length >= COMPRESS_FROM) return Response.json(data, { status });
  return new Response(text, { status, headers: { "content-type": "application/json", "cache-control": "no-store", "content-length": String(length) } });
}

/**
 * A write that honours Idempotency-Key (lib/api/idempotency.ts): with a key, `write` runs once in
 * the key's transaction and its answer is stored and replayed (`Idempotent-Replayed: true`); the
 * same key with another route, id or body is a 422. Without a key: null, the caller writes as usual.
 */
export async function answerOncePerKey(
  request: Request,
  userId: number,
  route: string,
  input: unknown,
  write: Parameters<typeof onceForKey>[1],
): Promise<Response | null> {
  const key = idempotencyKeyOf(request);
  if (key === null) return null;
  if (key === "invalid") throw new ApiFailure(400, "invalid", { "Idempotency-Key": "1–255 visible ASCII characters" });
  const outcome = await onceForKey({ userId, key, fingerprint: fingerprintOf(route, input) }, write);
  if (outcome.kind === "mismatch") throw new ApiFailure(422, "idempotency_key_reused");
  if (outcome.kind === "in_progress") throw new ApiFailure(409, "conflict");
  const { status, text } = outcome.answer;
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "no-store" };
  if (outcome.replayed) headers["idempotent-replayed"] = "true";
  return new Response(text, { status, headers });
}

export function notFound(): never {
  throw new ApiFailure(404, "not_found");
}

export function rateLimited(): never {
  throw new ApiFailure(429, "rate_limited");
}
