// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between prisma/schema.prisma and the schema the migrations were last generated from.
// `--check` exits 1 when the schema has changes that no migration holds (run by `npm test`).
//
// Why a snapshot and not a shadow database: the WASM schema engine cannot describe a live PostgreSQL 18
// through the pg adapter ("Column type 'char' could not be deserialized"), while a diff between two
// datamodels needs no database at all. The snapshot sits beside the migrations; `prisma migrate deploy`
// reads only the migration folders, so the layout stays Prisma's own.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openSchemaEngine, noFilters, migrationsDir, schemaPath } from "./schema-engine";

const snapshotPath = path.join(migrationsDir, "schema-snapshot.prisma");
const check = process.argv.includes("--check");
const name = (process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!check && !name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}

const schema = readFileSync(schemaPath, "utf8");
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const engine = await openSchemaEngine(url); // the engine connects on start, though a datamodel diff reads nothing
try {
  const { stdout } = await engine.diff({
    from: existsSync(snapshotPath) ? { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: readFileSync(snapshotPath, "utf8") }] } : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  const script = stdout && !/^-- This is an empty migration\.?\s*$/.test(stdout.trim()) ? stdout : null;
  if (check) {
    if (script) {
      console.error("prisma/schema.prisma has changes that no migration holds. Run: npm run db:migration -- <name>");
      process.exit(1);
    }
    console.log("Migrations match prisma/schema.prisma.");
  } else if (!script) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), script);
    writeFileSync(snapshotPath, schema);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  engine.free();
}
