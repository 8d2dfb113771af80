// The mobile API's contract, served at /api/v1/openapi.json; a test keeps it equal to the routes.
import { sendRateRule } from "@/lib/participant-chat/send-rate-rule";
import { TOKEN_IDLE_DAYS } from "./token-lifetime";

const error = { $ref: "#/components/responses/Error" };
const bearer = [{ bearer: [] }];
const idPath = [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }];
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe: a request repeated with the same key and the same body (after a timeout, a lost connection) gets the first answer again (with the header Idempotent-Replayed: true), and nothing new is stored; the same key with another body is 422 idempotency_key_reused. Keys are per user and count for 24 hours. A UUID per intended write is a good key.",
  schema: { type: "string", pattern: "^[\\x21-\\x7E]{1,255}$" },
};
const errorBody = json({ type: "object", required: ["error"], properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object" } } } } });
const sendRate = sendRateRule();
const message = { $ref: "#/components/schemas/Message" };

export const openApiDocument = {
  openapi: "3.1.0",
  info: { title: "Marketplace chat API", version: "1.0.0", description: "Customers and vendors chat about products. Errors: { error: { code, message } }, message in Arabic or English (?lang= or Accept-Language)." },
  servers: [{ url: "/api/v1" }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Message: {
        type: "object",
        required: ["id", "body", "createdAt", "readAt", "sender", "fromMarketplaceSupport"],
        properties: {
          id: { type: "integer" },
          body: { type: "string" },
          createdAt: { type: "string", format: "date-time" },
          readAt: { type: ["string", "null"], format: "date-time" },
          sender: { type: "object", required: ["id", "name", "role"], properties: { id: { type: "integer" }, name: { type: "string" }, role: { type: "string", enum: ["customer", "vendor"] } } },
          fromMarketplaceSupport: {
            type: "boolean",
            description:
              "true: the marketplace's support wrote this message in the sender's name (show it as from support, e.g. \"Marketplace support (on behalf of the vendor)\" / \"دعم السوق (نيابةً عن البائع)\"); which staff member wrote it is never shown to participants",
          },
        },
      },
    },
    responses: {
      Error: errorBody,
    },
  },
  paths: {
    "/config": { get: { summary: "SET-1: is chat on in the app?", responses: { "200": json({ type: "object", properties: { mobileChatEnabled: { type: "boolean" } } }) } } },
    "/tokens": {
      post: {
        summary: "Sign in; returns a bearer token",
        description: `A token stays valid until it is revoked (DELETE /tokens, an admin's password reset or "sign out everywhere", the account's deletion) or until it has not been used for ${TOKEN_IDLE_DAYS} days; then every request with it answers 401 unauthorized, and the app signs in again.`,
        requestBody: json({ type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" } } }), responses: { "201": json({ type: "object" }), "400": error, "401": error, "403": error, "429": error },
      },
      delete: { summary: "Revoke the token in use", security: bearer, responses: { "204": { description: "revoked" }, "401": error } },
    },
    "/sessions": {
      get: { summary: "My sessions", security: bearer, responses: { "200": json({ type: "object" }), "401": error, "403": error } },
      post: { summary: "Start or reuse a session about a product (customers)", security: bearer, parameters: [idempotencyKey], requestBody: json({ type: "object", required: ["productId"], properties: { productId: { type: "integer" } } }), responses: { "200": json({ type: "object" }), "201": json({ type: "object" }), "400": error, "401": error, "403": error, "404": error, "409": error, "422": error } },
    },
    "/sessions/{id}/messages": {
      get: { summary: "Messages, newest first; ?before=<message id> for older", security: bearer, parameters: idPath, responses: { "200": json({ type: "object", required: ["messages", "nextBefore"], properties: { messages: { type: "array", items: message }, nextBefore: { type: ["integer", "null"] } } }), "401": error, "404": error } },
      post: {
        summary: "Send a message",
        description: `A participant may send ${sendRate.limit} messages per ${sendRate.windowSeconds} seconds, on the app and the web chat together; past that the answer is 429 rate_limited with Retry-After: the seconds until sending is allowed again.`,
        security: bearer,
        parameters: [...idPath, idempotencyKey],
        requestBody: json({ type: "object", required: ["body"], properties: { body: { type: "string", maxLength: 4000 } } }),
        responses: {
          "201": json({ type: "object", required: ["message"], properties: { message } }),
          "400": error,
          "401": error,
          "403": error,
          "404": error,
          "409": error,
          "413": error,
          "422": error,
          "429": { description: "sending too fast", headers: { "Retry-After": { description: "seconds until sending is allowed again", schema: { type: "integer", minimum: 1 } } }, ...errorBody },
        },
      },
    },
    "/sessions/{id}/read": { post: { summary: "Mark the messages sent to me as read", security: bearer, parameters: idPath, responses: { "200": json({ type: "object" }), "401": error, "404": error } } },
    "/notifications": { get: { summary: "FLOW-1: my notifications and the unread count", security: bearer, responses: { "200": json({ type: "object" }), "401": error } } },
    "/events": {
      get: {
        summary: "Server-sent events of my sessions; send Last-Event-ID to resume",
        description:
          "event: message (data {sessionId, messageId, senderId}: a message to me, or mine, sent from any device — ids only, fetch the message with GET /sessions/{id}/messages), event: read (data {sessionId}: messages of the session were read, by me or by the other side), event: session (data {sessionId}: the session was started, edited or deleted, or lost a message), each with an `id:` from my event log; event: settings (no id). Reconnecting with Last-Event-ID (header, or ?lastEventId=) first sends every event after it, in order, once: exactly what was missed. Events are kept 30 days: resuming from an older id first sends event: resync (no id; reload the sessions and conversations), then what is left. The stream ends when chat is turned off (SET-1); reconnecting then answers 403 chat_disabled.",
        security: bearer,
        parameters: [{ name: "Last-Event-ID", in: "header", required: false, schema: { type: "string", pattern: "^\\d{1,10}$" } }],
        responses: { "200": { description: "text/event-stream" }, "401": error, "403": error },
      },
    },
    "/openapi.json": { get: { summary: "This document", responses: { "200": json({ type: "object" }) } } },
  },
} as const;
