import "server-only";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { db, type Tx } from "./db";
import { Role } from "./generated/prisma/enums";
import { requireMember, type MemberScope, type PermittedScope } from "./access";
import { roleWithArticle } from "./labels";
import { can, rolesWith } from "./permissions";


// Role changes queue behind one another on the organisation's row lock; 20 at once must all get a turn.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * Making someone an Administrator shows them every colleague's course progress (and a trust's schools'),
 * and stepping down takes that away from yourself: both need the form's explicit confirmation, checked
 * here rather than only by the page, because a server action is a public endpoint. A promotion is refused
 * by the schema; stepping down is refused by changeRole, the first place that knows whose membership it is.
 */
export const changeRoleInput = z
  .object({
    organisationId: z.uuid(),
    membershipId: z.uuid(),
    role: z.enum(Role),
    confirm: z.string().max(10).optional(),
  })
  .refine((input) => !can(input.role, "progress.view") || input.confirm === "yes", {
    path: ["confirm"],
    message: "Confirm that you want to make this colleague an Administrator: open “Make Administrator” and read what they will see first.",
  });

/** Stepping down was asked for without the confirmation that says what you will lose. */
export class ConfirmationRequiredError extends ActionError {}

export const removeColleagueInput = z.object({
  organisationId: z.uuid(),
  membershipId: z.uuid(),
});

/** The rule every organisation lives by: it always keeps at least one Administrator. */
export class LastAdministratorError extends ActionError {}

async function findColleague(tx: Tx, organisationId: string, membershipId: string) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, organisationId },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!target) throw new NotFoundError();
  return target;
}

/** The people who can manage the organisation's colleagues: an organisation always keeps one. */
async function countAdministrators(tx: Tx, organisationId: string) {
  return tx.membership.count({ where: { organisationId, role: { in: rolesWith("colleagues.manage") } } });
}

function snapshot(target: { userId: string; role: Role; user: { name: string; email: string } }, role = target.role) {
  return { userId: target.userId, name: target.user.name, email: target.user.email, role };
}

/** Makes a colleague an Administrator or a Member (an Administrator may make themselves a Member). */
export async function changeRole(actorId: string, input: z.input<typeof changeRoleInput>): Promise<{ message: string }> {
  const { organisationId, membershipId, role, confirm } = changeRoleInput.parse(input);
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, organisationId, "colleagues.manage", { lock: true });
    const target = await findColleague(tx, organisationId, membershipId);
    const self = target.userId === actorId;
    if (self && can(target.role, "colleagues.manage") && !can(role, "colleagues.manage") && confirm !== "yes") {
      throw new ConfirmationRequiredError(
        `Confirm that you want to become a Member of ${organisation.name}: open “Make Member” and read what you will lose first. Nothing was changed.`,
      );
    }
    const who = self ? "You are" : `${target.user.name} is`;
    if (target.role === role) return { message: `${who} already ${roleWithArticle(role)}.` };

    if (can(target.role, "colleagues.manage") && !can(role, "colleagues.manage") && (await countAdministrators(tx, organisationId)) <= 1) {
      throw new LastAdministratorError(
        self
          ? `You are the only Administrator of ${organisation.name}, so you cannot become a Member: no one would be left to manage it. Make a colleague an Administrator first, then change your own role.`
          : `${target.user.name} is the only Administrator of ${organisation.name}. Make someone else an Administrator first.`,
      );
    }

    await tx.membership.updateMany({ where: { id: target.id, organisationId }, data: { role } });
    if (!can(role, "colleagues.manage")) await withdrawInvitationsBy(tx, organisationId, target.userId);
    await writeAudit(tx, {
      actorId,
      action: "membership.role_changed",
      organisationId,
      targetType: "Membership",
      targetId: target.id,
      before: snapshot(target),
      after: snapshot(target, role),
    });
    return { message: `${who} now ${roleWithArticle(role)}.` };
  }, TRANSACTION_OPTIONS);
}

/** Links an Administrator sent stop working when they stop being one, so no one can invite themselves back in. */
export async function withdrawInvitationsBy(tx: Tx, organisationId: string, userIds: string | string[]) {
  await tx.invitation.updateMany({
    where: { organisationId, invitedById: { in: typeof userIds === "string" ? [userIds] : userIds }, acceptedAt: null, withdrawnAt: null },
    data: { withdrawnAt: new Date() },
  });
}

/** Ends a colleague's membership. Their account and training history stay: they may join again later. */
export async function removeColleague(actorId: string, input: z.infer<typeof removeColleagueInput>): Promise<{ message: string }> {
  const { organisationId, membershipId } = removeColleagueInput.parse(input);
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, organisationId, "colleagues.manage", { lock: true });
    const target = await findColleague(tx, organisationId, membershipId);
    if (can(target.role, "colleagues.manage") && (await countAdministrators(tx, organisationId)) <= 1) {
      throw new LastAdministratorError(
        target.userId === actorId
          ? `You are the only Administrator of ${organisation.name}, so you cannot leave it. Make a colleague an Administrator first.`
          : `${target.user.name} is the only Administrator of ${organisation.name}. Make someone else an Administrator first.`,
      );
    }
    await tx.membership.deleteMany({ where: { id: target.id, organisationId } });
    await withdrawInvitationsBy(tx, organisationId, target.userId);
    // The header's remembered organisation would otherwise point at one the person has left.
    await tx.user.updateMany({ where: { id: target.userId, currentOrganisationId: organisationId }, data: { currentOrganisationId: null } });
    await writeAudit(tx, {
      actorId,
      action: "membership.removed",
      organisationId,
      targetType: "Membership",
      targetId: target.id,
      before: snapshot(target),
    });
    return { message: `${target.user.name} is no longer a member of ${organisation.name}.` };
  }, TRANSACTION_OPTIONS);
}

export type Colleague = { membershipId: string; userId: string; name: string; email: string; role: Role };

/** Everyone in the member's organisation, by name. */
export async function listColleagues(member: PermittedScope<"colleagues.view">): Promise<Colleague[]> {
  const rows = await db.membership.findMany({
    where: { organisationId: member.organisationId },
    select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map((row) => ({ membershipId: row.id, userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }) || a.email.localeCompare(b.email));
}

/**
 * What an Administrator of the organisation can see beyond their own training, for the confirmations
 * of a promotion and of stepping down: a trust's Administrators may also see the schools that chose it.
 */
export function getAdministratorReach(member: MemberScope): { name: string; isTrust: boolean } {
  return { name: member.organisationName, isTrust: member.organisationKind === "TRUST" };
}

export const switchOrganisationInput = z.object({ organisationId: z.uuid() });

/**
 * Remembers the organisation the person chose in the header. Only one they belong to: the membership
 * is checked here, and getViewer re-checks it on every request in case it has ended since.
 */
export async function switchOrganisation(userId: string, input: z.infer<typeof switchOrganisationInput>): Promise<void> {
  const { organisationId } = switchOrganisationInput.parse(input);
  const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } }, select: { id: true } });
  if (!membership) throw new NotFoundError();
  await db.user.update({ where: { id: userId }, data: { currentOrganisationId: organisationId } });
}
