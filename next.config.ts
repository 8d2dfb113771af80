import type { NextConfig } from "next";
import { contentSecurityPolicy as policy } from "./lib/http/content-security-policy";

const isProduction = process.env.NODE_ENV === "production";

// Every response carries the policy; pages served by scripts/serve.ts (npm start) get it again with
// a per-request nonce and no 'unsafe-inline' for scripts (lib/http/content-security-policy.ts).
const contentSecurityPolicy = policy();

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isProduction && process.env.NEXTAUTH_URL?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  // The generated Prisma client and pg stay server-side Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "exceljs"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) as a step of its own.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
