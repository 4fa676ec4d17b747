import type { MemberScope, PermittedScope } from "@/lib/access";
import { getAdministratorReach, listColleagues } from "@/lib/colleagues";
import { can } from "@/lib/permissions";
import { ColleagueList } from "./colleague-list";

const listFormat = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** `My colleagues`: everyone in the organisation. Administrators get the controls; Members a line saying who can help. */
export async function ColleaguesSection({ member, viewer, canManage }: { member: MemberScope; viewer: PermittedScope<"colleagues.view">; canManage: boolean }) {
  const colleagues = await listColleagues(viewer);
  const reach = getAdministratorReach(member);
  const administrators = colleagues.filter((c) => can(c.role, "colleagues.manage")).map((c) => c.name);
  return (
    <section aria-labelledby="my-colleagues" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="my-colleagues" className="text-xl font-semibold">My colleagues</h2>
      {canManage ? (
        <p className="mt-2 text-sm text-slate-700">
          As an Administrator you can make a colleague an Administrator or a Member, and remove someone who has left. There is always at least one Administrator.
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700" data-testid="administrators-line">
          {administrators.length === 1 ? `${administrators[0]} is the Administrator` : `${listFormat.format(administrators)} are the Administrators`}. Any
          Administrator can change a colleague&apos;s role, for example to make you an Administrator.
        </p>
      )}
      <ColleagueList colleagues={colleagues} viewerId={member.viewerId} organisationId={member.organisationId} reach={reach} canManage={canManage} />
    </section>
  );
}
