# syntax=docker/dockerfile:1
# The panel as a container: built in one stage, run by an unprivileged user in the next. On start
# it applies pending migrations (directly, not through a pooler), then serves (scripts/serve.ts:
# probes, logs, metrics, graceful shutdown). `npm start`'s launcher (embedded database, demo seed)
# is not used: DATABASE_URL is required.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Prisma's CLI wants a schema engine to exist to generate the client; it never runs it.
RUN PRISMA_SCHEMA_ENGINE_BINARY=/bin/true npx prisma generate && npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
# HOST: serve.ts listens on loopback unless told; in a container, nginx reaches it from outside.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 LOG_FORMAT=json MALLOC_ARENA_MAX=2
# tsx runs the server and the migrator (TypeScript); the WebAssembly schema engine applies the migrations.
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts ./scripts
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec: the server is PID 1 and gets SIGTERM itself (graceful shutdown, SHUTDOWN_GRACE_MS < the stop timeout).
# Its arguments and allocator are scripts/lib/server-process.ts's (gc() after a large export, two arenas).
CMD ["sh", "-c", "DATABASE_URL=\"${DATABASE_DIRECT_URL:-$DATABASE_URL}\" node --import tsx scripts/db/migrate.ts && exec node --expose-gc --import tsx scripts/serve.ts"]
