import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // The generated Prisma client, pg, the workbook writers (exceljs, and the zip libraries it uses,
  // which lib/export uses too) and the NATS client stay server-side Node modules.
  // The logger and the metrics registry are process-wide, shared with scripts/serve.ts.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "exceljs", "archiver", "jszip", "@nats-io/transport-node", "@nats-io/jetstream", "pino", "pino-pretty", "prom-client"],
  poweredByHeader: false,
  // forbidden(): a refused staff member gets the notice with 403 at the page's own URL.
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tests included) as a step of its own.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
