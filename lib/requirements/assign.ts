import "server-only";
import { db } from "../db";
import { logError } from "../log";
import { enrolRequiredSql, type AssignTarget } from "./sql";

/**
 * Required training is assigned: after a change that makes a requirement apply to people (a requirement set,
 * a person joining, a school choosing its trust, a trust designated Academies) has committed, they are enrolled
 * on the course, so it is on their My Courses and a row of their school's progress view. Its own statement and
 * transaction, after the change's: a trigger doing it inside the change would enrol people while holding their
 * locks, against the lock order of every other enrolment (see the required_training migration). If it fails,
 * nothing is wrong but a missing convenience: the figures count the person either way, and the next such
 * change (or the person starting the course) enrols them, and the mail cron runs it for everyone (`{ everyone:
 * true }`) to mend any that failed. Returns how many were enrolled.
 */
export async function enrolRequired(target: AssignTarget): Promise<number> {
  try {
    return await db.$executeRaw(enrolRequiredSql(target));
  } catch (error) {
    logError("Enrolling people on their required training failed", error, { target: JSON.stringify(target) });
    return 0;
  }
}
