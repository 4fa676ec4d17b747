// Integration tests run inside `scripts/with-db.ts --throwaway --migrate`: a real PostgreSQL started for
// this run, migrated. Here it gets the demo data, which tests read; tests that change data make their own.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seed } from "../../prisma/seed";

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL: run them with `npm run test:integration`.");
  process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seed(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
