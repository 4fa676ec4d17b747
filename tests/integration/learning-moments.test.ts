// What a learner sees at the two ends of a course: Start before the first lesson, and the "Course
// completed" moment after the last, through the real server action (only the session is stood in for).
import { describe, expect, it, vi } from "vitest";
import { signInAs } from "./session-stand-in";

vi.mock("@/lib/auth", () => import("./session-stand-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { completeLessonAction } = await import("@/app/(app)/courses/[slug]/lessons/[position]/actions");
const { completeLesson, enrolOnCourse, getCourseForViewer, listCatalogue } = await import("@/lib/courses");
const { db } = await import("@/lib/db");
const { listMyEnrolments } = await import("@/lib/enrolments");
const { nextStepLabel } = await import("@/lib/progress/status");
const { makeCourse, makeOrganisation, makeUser } = await import("./helpers");

async function complete(userId: string, slug: string, position: number) {
  signInAs(userId);
  const form = new FormData();
  form.set("slug", slug);
  form.set("position", String(position));
  return completeLessonAction({}, form);
}

/** The path a server action redirected to (Next throws its redirect as an error with a digest), or null. */
async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? null;
  }
}

describe("Start, Continue, Review", () => {
  it("says Start on a course not enrolled on and on one enrolled but not begun, Continue part-way, Review once completed", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(2);
    const label = async () => {
      const mine = (await getCourseForViewer(user.id, course.slug))!.enrolment;
      const card = (await listMyEnrolments(user.id)).find((e) => e.courseSlug === course.slug);
      const catalogue = (await listCatalogue(user.id)).find((c) => c.slug === course.slug)!;
      // The course page, My Courses and All Courses agree.
      expect(nextStepLabel(card?.status ?? null)).toBe(nextStepLabel(mine?.status ?? null));
      expect(nextStepLabel(catalogue.progress?.status ?? null)).toBe(nextStepLabel(mine?.status ?? null));
      return nextStepLabel(mine?.status ?? null);
    };
    expect(await label()).toBe("Start");
    await enrolOnCourse(user.id, course.slug);
    expect(await label()).toBe("Start");
    await completeLesson(user.id, course.slug, 1);
    expect(await label()).toBe("Continue");
    await completeLesson(user.id, course.slug, 2);
    expect(await label()).toBe("Review");
  });
});

describe("the Course completed moment", () => {
  it("comes after the lesson that finishes the course (not before), with the completion date recorded once", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(3);
    await enrolOnCourse(user.id, course.slug);
    expect(await redirectOf(complete(user.id, course.slug, 3))).toBeNull(); // out of order: not finished yet
    expect(await redirectOf(complete(user.id, course.slug, 1))).toBeNull();
    const finishing = Date.now();
    expect(await redirectOf(complete(user.id, course.slug, 2))).toBe(`/courses/${course.slug}/completed`);

    const enrolment = (await getCourseForViewer(user.id, course.slug))!.enrolment!;
    expect(enrolment.status).toBe("COMPLETED");
    expect(enrolment.completedAt!.getTime()).toBeGreaterThanOrEqual(finishing - 1000);
    const completedAt = enrolment.completedAt!.getTime();

    // Completing a finished lesson again is no new moment and keeps the date.
    expect(await redirectOf(complete(user.id, course.slug, 2))).toBeNull();
    expect((await db.enrolment.findFirstOrThrow({ where: { userId: user.id } })).completedAt!.getTime()).toBe(completedAt);
  });

  it("is refused as not found for a course the person is not enrolled on, and changes nothing", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(1);
    const result = await complete(user.id, course.slug, 1);
    expect(result.message).toMatch(/^Not found/);
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(0);
  });
});
