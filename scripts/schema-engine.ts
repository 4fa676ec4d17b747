// Loads Prisma's official schema engine in its WASM build, so migrations need no binary download
// (Prisma's binary host is unreachable here; see ../shared/notes/offline-stack.md).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
export const migrationsDir = path.resolve("prisma/migrations");
export const schemaPath = path.resolve("prisma/schema.prisma");

// Node 20 cannot import the package entry (it imports a .wasm file), so instantiate by hand. Once per process:
// the glue module caches views of the instance's memory, so a second instance behind it reads garbage.
let bgModule: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

async function loadWasm() {
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

// `connection` is what PrismaPg takes: a URL, a pool configuration, or a pool the caller owns and ends.
export async function openSchemaEngine(connection: ConstructorParameters<typeof PrismaPg>[0]): Promise<SchemaEngine> {
  bgModule ??= loadWasm();
  const bg = await bgModule;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(typeof connection === "string" ? { connectionString: connection } : connection));
  const schema = readFileSync(schemaPath, "utf8");
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, (log: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(log);
  }, adapter);
}

export function readMigrations(): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8") } },
    })),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };
