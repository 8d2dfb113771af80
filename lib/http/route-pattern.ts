import { PAGE_ACCESS, ROUTE_ACCESS } from "@/lib/route-permissions";

// The route pattern of a request (`/chat-sessions/[id]/edit`, never `/chat-sessions/42/edit?q=…`),
// for log lines and metric labels: bounded in number, and free of ids and search terms. Every
// page and route handler is in lib/route-permissions.ts (a test keeps it so); Next's assets have
// their own few names, and anything else is "unmatched".

type Pattern = { name: string; regex: RegExp; dynamicSegments: number };

function compiled(name: string): Pattern {
  const segments = name.split("/").slice(1);
  const source = segments.map((segment) => (/^\[\.\.\./.test(segment) ? ".+" : /^\[/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return { name, regex: new RegExp(`^/${source.join("/")}/?$`), dynamicSegments: segments.filter((segment) => segment.startsWith("[")).length };
}

/** Answered by scripts/serve.ts itself, before Next. */
const SERVER_ROUTES = ["/metrics"];

// Static segments win over dynamic ones (`/chat/notifications` before `/chat/[id]`).
const PATTERNS: Pattern[] = [...new Set([...Object.keys(PAGE_ACCESS), ...Object.keys(ROUTE_ACCESS), ...SERVER_ROUTES])]
  .map(compiled)
  .sort((a, b) => a.dynamicSegments - b.dynamicSegments);

const ASSET_PREFIXES = ["/_next/static", "/_next/image", "/_next"];

export function routePatternOf(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] ?? "/";
  for (const prefix of ASSET_PREFIXES) if (path.startsWith(`${prefix}/`)) return `${prefix}/*`;
  return PATTERNS.find((pattern) => pattern.regex.test(path))?.name ?? "unmatched";
}
