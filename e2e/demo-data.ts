// Journeys change the demo data (roles, trust choices, designations). Each spec file starts from the
// seed: call resetDemoData() in test.beforeAll. TRUNCATE skips the audit log's row triggers by design.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seed } from "../prisma/seed";

export async function resetDemoData() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the journeys through `npm run test:e2e`.");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const tables = await prisma.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    await seed(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
