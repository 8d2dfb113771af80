// Prisma migrations without the native schema engine, which cannot be downloaded here:
// Prisma's own engine compiled to WebAssembly, over the `pg` driver adapter. It writes the
// standard `_prisma_migrations` table, so `prisma migrate deploy` stays compatible.
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { readFile, readdir } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Relative to this file, not to the working directory: callers run from anywhere (tests, /tmp).
const PRISMA_DIR = fileURLToPath(new URL("../../prisma/", import.meta.url));
export const SCHEMA_PATH = join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");
export const EMPTY_MIGRATION = "-- This is an empty migration.";
const FILTERS = { externalTables: [], externalEnums: [] };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
type RawResult = { fields: { dataTypeID: number }[]; rows: unknown[][] };
type QueryResult = { columnTypes: number[]; rows: unknown[][] };

// Two gaps of the pg driver adapter when the schema engine uses it (7.10):
// - executeScript splits scripts on every ";", which breaks plpgsql bodies ($$ … $$);
//   PostgreSQL's simple-query protocol runs a whole multi-statement script as it is.
// - the catalog's one-byte "char" columns (relkind, contype…) are an unsupported type, so
//   describing a database fails. The native engine reads them as Char and the describer
//   insists on that (`get_expect_char("constraint_type")` panics on Text: reached as soon as
//   pg_constraint has a CHECK, or, on PostgreSQL 18, any NOT NULL). So: let the adapter
//   parse them as text, then report those columns as Character.
class SchemaEnginePg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }
  override async connect() {
    const adapter = await super.connect();
    const io = adapter as unknown as {
      performIO: (query: unknown) => Promise<RawResult>;
      queryRaw: (query: unknown) => Promise<QueryResult>;
      onError: (error: unknown) => never;
    };
    adapter.executeScript = async (script: string) => {
      // onError turns a pg error into the adapter's typed error; a raw one would reach the
      // engine as "External error id#0", and the PostgreSQL message would be lost.
      await this.pool.query(script).catch((error: unknown) => io.onError(error));
    };
    // queryRaw returns performIO's `rows` array itself, so it keys the char columns of each result.
    const charColumns = new WeakMap<unknown[][], number[]>();
    const performIO = io.performIO.bind(adapter);
    io.performIO = async (query) => {
      const result = await performIO(query);
      const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
      for (const index of indexes) result.fields[index]!.dataTypeID = PG_TEXT_OID;
      if (indexes.length) charColumns.set(result.rows, indexes);
      return result;
    };
    const queryRaw = io.queryRaw.bind(adapter);
    io.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
      return result;
    };
    return adapter;
  }
}

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

// A Rust panic hands its message to this global (Prisma's CLI defines it), then traps. Without it
// the panic reads "Cannot read properties of undefined (reading 'set_message')"; with only a bare
// trap, "RuntimeError: unreachable". Throwing here carries the message instead. Often it cannot
// be caught (it is raised inside a callback the engine scheduled) and ends the process, code 1;
// either way this wasm instance is not to be trusted afterwards.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    throw new Error(`Schema engine panicked: ${message}`);
  },
};

// Node 20 cannot `import` a .wasm file without a flag, so instantiate it by hand.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bindings = (await import(join(packageDir, "schema_engine_bg.js"))) as EngineModule & {
      __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    };
    // The engine arms 10 s timers (its lock timeout) through this import and never clears them;
    // a ref'd timer kept every CLI run alive 10 s after its work was done. Unref'd, it still fires
    // while the process lives but no longer holds it open.
    const imports: WebAssembly.ModuleImports = { ...(bindings as unknown as WebAssembly.ModuleImports) };
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const bytes = await readFile(join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bindings;
  })();
  return engineModule;
}

export async function withSchemaEngine<T>(connectionString: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // One connection: the engine's statements are one session (its migration lock, its transactions).
  const pool = new pg.Pool({ connectionString, max: 1 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new SchemaEnginePg(pool));
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, (log: string) => logs.push(log), adapter);
    return await run(engine);
  } finally {
    // Also when SchemaEngine.new throws: an open pool would keep the process alive.
    engine?.free();
    await pool.end();
  }
}

export async function readMigrations(): Promise<MigrationList> {
  const names = existsSync(MIGRATIONS_DIR)
    ? (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];
  const lockPath = join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies every migration not yet applied, in name order; returns the names applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database holding exactly the migrations to the schema in schema.prisma.
 * `connectionString` must point at a scratch database with the migrations applied.
 */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      // "schemaDatasource" reads the live database the engine's adapter is connected to.
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: dirname(SCHEMA_PATH) },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return result.stdout ?? "";
  });
}

/**
 * Applies the migrations to a scratch database beside `serverUrl`'s and returns the SQL still
 * needed to reach schema.prisma (EMPTY_MIGRATION when the two agree). The scratch database is dropped.
 */
export async function diffMigrationsToSchema(serverUrl: string): Promise<string> {
  const scratchName = `migr_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${scratchName}"`);
    const scratchUrl = new URL(serverUrl);
    scratchUrl.pathname = `/${scratchName}`;
    await applyMigrations(scratchUrl.toString());
    return (await diffDatabaseToSchema(scratchUrl.toString())).trim();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
    await admin.end();
  }
}
