// npm run build — the Prisma client and the Next production build, when stale.
import { ensureNextBuild } from "./lib/next-build";
import { ensurePrismaClient } from "./lib/prisma-client";

ensurePrismaClient();
ensureNextBuild();
