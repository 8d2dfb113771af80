import { format } from "node:util";
import pino from "pino";
import pretty from "pino-pretty";

// The process's structured log: one JSON line per request and per notable event (pino), or
// human-readable lines when stdout is a terminal (LOG_FORMAT=json|pretty decides otherwise).
// Never in it: passwords, tokens, cookies, message bodies. Fields of those names are censored
// wherever they sit, and error messages keep only their first line (Prisma puts a failed call's
// arguments, a message body among them, on the lines after), with bearer tokens scrubbed.

const CENSORED_KEYS = ["password", "token", "authorization", "cookie", "set-cookie", "body", "secret"];
const REDACTED_PATHS = CENSORED_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.*["${key}"]`]);
const CENSORED_ASSIGNMENT = new RegExp(`\\b(${CENSORED_KEYS.join("|")})(["']?\\s*[:=]\\s*)(["'])(?:(?!\\3).)*\\3`, "gi");
const CENSOR = "[redacted]";

/** A string as it may be logged: its first line, no bearer tokens, no long opaque secrets. */
export function scrubbed(text: string): string {
  return (text.split("\n", 1)[0] ?? "")
    .replace(/\b(Bearer|Basic)\s+\S+/gi, `$1 ${CENSOR}`)
    .replace(/\b(password|token|secret)=[^\s&]+/gi, `$1=${CENSOR}`)
    .replace(CENSORED_ASSIGNMENT, `$1$2"${CENSOR}"`)
    .slice(0, 500);
}

function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubbed(String(error)) };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 10);
  return { type: error.name, message: scrubbed(error.message), ...(code !== undefined ? { code: String(code) } : {}), stack: frames.join("\n") };
}

export type LogFormat = "json" | "pretty";

export function logFormat(env: Partial<NodeJS.ProcessEnv> = process.env, isTTY = Boolean(process.stdout.isTTY)): LogFormat {
  if (env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty") return env.LOG_FORMAT;
  return isTTY ? "pretty" : "json";
}

export function createLogger(destination?: pino.DestinationStream, logAs: LogFormat = logFormat()): pino.Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    base: undefined, // no pid, no hostname
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { err: errorFields },
    hooks: {
      // The message itself (console.error's text, say) is scrubbed like an error's.
      logMethod(args, method) {
        const index = typeof args[0] === "string" ? 0 : typeof args[1] === "string" ? 1 : -1;
        if (index >= 0) args[index] = scrubbed(args[index] as string);
        method.apply(this, args as Parameters<typeof method>);
      },
    },
  };
  const stream = destination ?? (logAs === "pretty" ? pretty({ colorize: true, sync: true }) : pino.destination({ sync: true }));
  return pino(options, stream);
}

const LOGGER_KEY = Symbol.for("marketplace-admin.logger");
type WithLogger = { [LOGGER_KEY]?: pino.Logger };

/** The process's logger: one for the server and the app's modules (Next bundles them apart). */
export function logger(): pino.Logger {
  const holder = globalThis as WithLogger;
  holder[LOGGER_KEY] ??= createLogger();
  return holder[LOGGER_KEY];
}

/**
 * console.log/warn/error (Next's own, and the app's) go through the logger: every line of the
 * server's output is one structured entry, scrubbed like the rest.
 */
export function routeConsoleToLogger(log: pino.Logger = logger()): void {
  const forward = (level: "info" | "warn" | "error") => (...args: unknown[]) => {
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const text = format(...args.filter((arg) => arg !== error));
    if (error) log[level]({ err: error }, text || error.message);
    else log[level](text);
  };
  console.log = forward("info");
  console.info = forward("info");
  console.warn = forward("warn");
  console.error = forward("error");
}
