import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The generated Prisma client and pg stay server-side Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
