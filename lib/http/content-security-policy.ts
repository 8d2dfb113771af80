// The panel's Content-Security-Policy, in one place for lib/http/security-headers.ts (every
// response) and scripts/serve.ts (Next's responses, with a fresh nonce per request).
//
// With a nonce, script-src has no 'unsafe-inline': Next reads the nonce from the request's
// `Content-Security-Policy` header (next/dist/server/app-render/get-script-nonce-from-header.js)
// and puts it on every script it renders, inline or not; 'strict-dynamic' lets those scripts load
// the chunks they import. The documented place to set that request header is a root proxy.ts,
// which this repository's layout does not allow; scripts/serve.ts (the production server, Next's
// own request handler on a Node HTTP server) sets it instead, before Next sees the request.
// Without a nonce (plain `next start`; and the hot API routes' answers, which run no script),
// script-src keeps 'unsafe-inline', because Next's inline bootstrap scripts could not run otherwise.
// style-src keeps 'unsafe-inline': React renders `style` attributes, which a nonce cannot cover.

export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The nonce of a policy made by `contentSecurityPolicy(nonce)` (serve.ts puts it on the request), if any. */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return policy ? /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(policy)?.[1] : undefined;
}

/**
 * Zod (v4) probes whether it may compile parsers with `new Function` when an object schema is
 * built; under a CSP without 'unsafe-eval' (never allowed here) the browser reports that probe as a
 * violation, and zod falls back to its interpreter. Setting `jitless` before any schema is built skips the probe: the
 * root layout runs this before any of the app's code (next/script, beforeInteractive, with the nonce).
 */
export const ZOD_JITLESS_SCRIPT = "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});";
