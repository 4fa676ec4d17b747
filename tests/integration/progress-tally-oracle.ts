// The check on the tally the database keeps (ProgressTally): the same figures counted from scratch over
// Membership × Enrolment, and every tally row compared with them.
import { expect } from "vitest";
import { db } from "@/lib/db";

type Figures = { enrolments: number; lastActivityAt: Date | null };
const keyOf = (r: { schoolId: string; courseId: string; status: string }) => `${r.schoolId}/${r.courseId}/${r.status}`;

/** Every (school, course, status) with its enrolments and latest activity, counted from the rows. */
export async function tallyFromScratch(): Promise<Map<string, Figures>> {
  const rows = await db.$queryRaw<{ schoolId: string; courseId: string; status: string; enrolments: number; lastActivityAt: Date | null }[]>`
    SELECT m."organisationId" AS "schoolId", e."courseId", e.status::text AS status, count(*)::int AS enrolments, max(e."lastActivityAt") AS "lastActivityAt"
      FROM "Membership" m JOIN "Enrolment" e ON e."userId" = m."userId"
     GROUP BY 1, 2, 3`;
  return new Map(rows.map((r) => [keyOf(r), { enrolments: r.enrolments, lastActivityAt: r.lastActivityAt }]));
}

/** Every tally row equals the count from scratch (a zero row has no activity), and no group is missing. Returns the rows compared. */
export async function expectTallyExact(context = ""): Promise<number> {
  const expected = await tallyFromScratch();
  const rows = await db.progressTally.findMany();
  const kept = new Map(rows.map((r) => [keyOf(r), { enrolments: r.enrolments, lastActivityAt: r.lastActivityAt }]));
  for (const [key, figures] of kept) {
    expect(figures, `${context} tally row ${key}`).toEqual(expected.get(key) ?? { enrolments: 0, lastActivityAt: null });
  }
  for (const [key, figures] of expected) expect(kept.get(key), `${context} missing tally row ${key}`).toEqual(figures);
  return rows.length;
}
