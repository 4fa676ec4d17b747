// Required training across a trust, for the Trust overview: per school and required course, how many
// (person, course) pairs are required, in date, due soon, overdue and expired, read in ONE statement over
// required_training() (lib/requirements/sql.ts) for the schools of a TrustOverviewScope, on a date. Which
// schools count is lib/access.ts's answer: nothing here widens it. A school's "compliance" is the share of
// its required pairs that are in date (a renewal due soon is still in date), as a whole percentage rounded
// down, so "100%" means every one; null when nothing is required of anyone there (shown "—", sorted last).
// The statement and the arithmetic are in ./trust-compliance-sql.ts, which the benchmark imports.
import "server-only";
import type { TrustOverviewScope } from "../access";
import { db } from "../db";
import type { IsoDate } from "./status";
import { complianceOf, complianceSql, type ComplianceRow, type TrustCompliance } from "./trust-compliance-sql";

export { compliancePercent, type ComplianceFigures, type TrustCompliance } from "./trust-compliance-sql";

/** Required training at every school of the trust's overview on `today` (England): one statement. */
export async function summariseTrustCompliance(trust: TrustOverviewScope, today: IsoDate): Promise<TrustCompliance> {
  const ids = trust.schools.map((s) => s.schoolId);
  if (ids.length === 0) return complianceOf([], []);
  return complianceOf(ids, await db.$queryRaw<ComplianceRow[]>(complianceSql(ids, today)));
}
