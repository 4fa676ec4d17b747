import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentMemberScope } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import {
  describeDueRule,
  describeRenewal,
  getRequirementSetting,
  listRequirableCourses,
  listRequirementHistory,
  listRequirements,
  type RequirementView,
} from "@/lib/requirements/manage";
import { readSearchParam } from "@/lib/search-params";
import { RequirementForm, type RequirementFormValues } from "./requirement-form";
import { RequirementHistory } from "./requirement-history";
import { RequirementList } from "./requirement-list";
import { NoOrganisation } from "@/components/no-organisation";

export const metadata: Metadata = { title: "Required training" };

const NEW_REQUIREMENT: Omit<RequirementFormValues, "courseId"> = { dueKind: "WITHIN_DAYS", dueOn: "", dueDays: "30", renewal: "none" };

function formValuesOf(requirement: RequirementView): RequirementFormValues {
  return {
    courseId: requirement.course.id,
    dueKind: requirement.rule.kind,
    dueOn: requirement.rule.kind === "BY_DATE" ? requirement.rule.dueOn : "",
    dueDays: requirement.rule.kind === "WITHIN_DAYS" ? String(requirement.rule.days) : NEW_REQUIREMENT.dueDays,
    renewal: requirement.renewalYears === null ? "none" : String(requirement.renewalYears),
  };
}

export default async function RequiredTrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  // Read from the database on this request: a role change shows on the changed person's next page.
  const member = await currentMemberScope(viewer);
  if (!member && viewer.platformRole === "SUPPORT") redirect("/console/tickets");
  if (!member) return <NoOrganisation title="Required training" />;
  const [setting, requirements, history] = await Promise.all([getRequirementSetting(member), listRequirements(member), listRequirementHistory(member)]);
  const manages = can(member.role, "requirements.manage") && setting.setsRequirements;
  const courses = manages ? await listRequirableCourses(member) : [];
  const changingId = manages ? readSearchParam(await searchParams, "course") : undefined;
  const changing = changingId ? requirements.find((r) => r.own && r.course.id === changingId) : undefined;
  const name = member.organisationName;

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-6">
        <section aria-labelledby="required-training" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="required-training" className="text-xl font-semibold">Required training</h2>
          <p className="mt-2 text-slate-700">
            {setting.kind === "SCHOOL"
              ? `Courses every member of ${name}'s staff must complete, and by when.`
              : `Courses the staff of every school that has chosen ${name} must complete, and by when.`}
          </p>
          {!setting.setsRequirements ? (
            <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="not-academies">
              {name}&apos;s requirements would apply to the schools that chose it only once Schoot designates it Academies, so it cannot set any yet.{" "}
              <Link href="/workplace/trust-access" className="font-medium underline">See what to do</Link>
            </p>
          ) : null}
          <RequirementList
            organisationId={member.organisationId}
            items={requirements.map((requirement) => ({
              id: requirement.id,
              courseId: requirement.course.id,
              title: requirement.course.title,
              slug: requirement.course.slug,
              rule: `${describeDueRule(requirement.rule)} · ${describeRenewal(requirement.renewalYears)}`,
              requiredBy: requirement.own ? null : requirement.requiredBy.name,
              manageable: manages && requirement.own,
            }))}
          />
        </section>
        {manages ? (
          <section aria-labelledby="require-course" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="require-course" className="text-xl font-semibold">Require a course</h2>
            {changing ? (
              <p className="mt-2 text-sm text-slate-700">
                Changing the rule of {changing.course.title}.{" "}
                <Link href="/workplace/required-training" className="font-medium text-brand-800 underline underline-offset-4">Require another course instead</Link>
              </p>
            ) : (
              <p className="mt-2 text-sm text-slate-700">
                {setting.kind === "SCHOOL" ? `Everyone in ${name} is enrolled on it` : `Everyone in every school that has chosen ${name} is enrolled on it`}, and so is anyone who joins later.
              </p>
            )}
            <RequirementForm
              key={changing?.id ?? "new"}
              organisationId={member.organisationId}
              courses={courses}
              initial={changing ? formValuesOf(changing) : { courseId: "", ...NEW_REQUIREMENT }}
            />
          </section>
        ) : null}
      </div>
      <RequirementHistory entries={history} organisationName={name} />
    </div>
  );
}
