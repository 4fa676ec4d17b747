// `npm run db:migrate`: applies prisma/migrations exactly as `prisma migrate deploy` would.
import { openSchemaEngine, readMigrations, noFilters } from "./schema-engine";

export async function migrate(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilters });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  migrate(url).then(
    (names) => console.log(names.length ? `Applied ${names.length} migration(s): ${names.join(", ")}` : "Database schema is up to date."),
    (error) => { console.error(error); process.exit(1); },
  );
}
