import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { requireMember } from "../access";
import { db, type Tx } from "../db";
import { ActionError, FieldError, NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { withdrawInvitationsBy } from "../colleagues";
import { cancelUnsentInvitationMail, INVITATION_LIFETIME_MS } from "../invitations";
import { hashLinkToken, newLinkToken } from "../link-token";
import { enqueueMails, type OutboxInput } from "../mail/outbox";
import { insertRows } from "../db-bulk";
import { can, newcomerRole, rolesWith } from "../permissions";
import { enrolRequired } from "../requirements/assign";
import { configuredProviders, PROVIDER_LABEL } from "../sso";
import { parseStaffList, type BadRow, type StaffRow } from "./parse";

export { MAX_BYTES, MAX_ROWS, parseStaffList, type BadRow, type StaffRow } from "./parse";

/*
 * A school's staff list, imported (issue 16). The upload is parsed and kept (StaffImport) and nothing changes
 * until an Administrator confirms the preview. Confirming works out the changes again, inside one transaction
 * holding the organisation's lock, and refuses if they differ from the preview the Administrator read (the
 * fingerprint): whatever is applied is what was shown.
 *
 * - A new address becomes an account with no password and a membership at once, so the school's figures (and
 *   its trust's) count the person from today; a welcome email lets them choose a password, or tells them to
 *   sign in with Microsoft or Google. No progress of theirs exists yet, so nothing of anyone's is exposed.
 * - An address that already has a Schoot account is invited instead, and joins only by accepting: an import
 *   must never put someone's existing training record in front of a school they have not agreed to join.
 * - A name changes only for a person in this organisation alone (a person's name is theirs, across schools).
 * - Leavers are removed only when asked, never the person importing, and never the last Administrator.
 */

export const IMPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Emails staff lists may send for one organisation in a day (welcomes and invitations): a whole school's list. */
export const STAFF_LIST_EMAILS_PER_DAY = 5000;
const ADMINISTRATOR_LATER = "joins as a Member: make them an Administrator in My colleagues once they have signed in";
/** A welcome email's "choose your password" link lasts as long as an invitation. */
export const WELCOME_LINK_LIFETIME_MS = INVITATION_LIFETIME_MS;

/** Someone the list adds. Applying adds a new address at once; one that has a Schoot account is sent an invitation. */
export type Joiner = {
  line: number; name: string; email: string; role: Role; startDate: string | null;
  /** The list asks for a role a newcomer is not given at once (Administrator): said beside them. */
  roleNote: string | null;
};
export type Change = {
  line: number; membershipId: string; userId: string; email: string;
  name: { from: string; to: string } | null; nameKeptBecause: string | null;
  role: { from: Role; to: Role } | null;
  /** The list gives Administrator to someone who has never signed in: not applied, and why. */
  roleKeptBecause: string | null;
};
export type Leaver = { membershipId: string; userId: string; name: string; email: string; role: Role; keptBecause: string | null };
export type ImportPlan = {
  joiners: Joiner[]; changes: Change[]; leavers: Leaver[]; unchanged: number; alreadyInvited: number; problems: BadRow[]; fingerprint: string;
};
export type ImportSummary = { added: number; invited: number; renamed: number; roleChanged: number; removed: number; skipped: number };

type Member = { membershipId: string; userId: string; email: string; name: string; role: Role; otherOrganisations: number; signedIn: boolean };

async function currentStaff(tx: Tx, organisationId: string) {
  const members = await tx.$queryRaw<Member[]>`
    SELECT m.id AS "membershipId", u.id AS "userId", u.email, u.name, m.role, u."emailVerifiedAt" IS NOT NULL AS "signedIn",
           (SELECT count(*) FROM "Membership" o WHERE o."userId" = u.id AND o."organisationId" <> ${organisationId}::uuid)::int AS "otherOrganisations"
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."organisationId" = ${organisationId}::uuid
     ORDER BY u.name, u.email`;
  return members;
}

/** The changes a list makes to an organisation's staff now. Pure given the reads; `actorId` null for the command line. */
async function planImport(tx: Tx, organisation: { id: string; name: string }, actorId: string | null, rows: StaffRow[], fileProblems: BadRow[], now: Date): Promise<ImportPlan> {
  const members = await currentStaff(tx, organisation.id);
  const byEmail = new Map(members.map((m) => [m.email, m]));
  const outsiders = rows.filter((r) => !byEmail.has(r.email)).map((r) => r.email);
  // Whether an address has a Schoot account is not shown before confirming (the invitation pages never say it
  // either): an upload of guessed addresses must not tell a school who has one. An address this organisation
  // has already invited is left to its invitation, account or not.
  const invited = new Set(
    (await tx.invitation.findMany({
      where: { organisationId: organisation.id, email: { in: outsiders }, acceptedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
      select: { email: true },
    })).map((i) => i.email),
  );

  const joiners: Joiner[] = [];
  const changes: Change[] = [];
  const problems = [...fileProblems];
  let unchanged = 0;
  let alreadyInvited = 0;
  for (const row of rows) {
    const member = byEmail.get(row.email);
    if (!member) {
      if (invited.has(row.email)) alreadyInvited++;
      // A newcomer joins as one, however the list names them, as an invitation does: an address on a list is not
      // yet a person who has shown they read it, and a typo must not hand a stranger the school's progress.
      else joiners.push({ line: row.line, name: row.name, email: row.email, role: newcomerRole, startDate: row.startDate, roleNote: row.role && row.role !== newcomerRole ? ADMINISTRATOR_LATER : null });
      continue;
    }
    const renamed = row.name !== member.name;
    const nameKeptBecause = renamed && member.otherOrganisations > 0 ? "also on another organisation's staff: they can change their own name in Account" : null;
    const asked = row.role && row.role !== member.role ? { from: member.role, to: row.role } : null;
    const roleKeptBecause = asked && can(asked.to, "colleagues.manage") && !member.signedIn ? ADMINISTRATOR_LATER : null;
    const role = roleKeptBecause ? null : asked;
    if ((!renamed || nameKeptBecause) && !role) {
      unchanged++;
      if (!nameKeptBecause && !roleKeptBecause) continue;
    }
    changes.push({ line: row.line, membershipId: member.membershipId, userId: member.userId, email: member.email, name: renamed ? { from: member.name, to: row.name } : null, nameKeptBecause, role, roleKeptBecause });
  }

  // A row with a problem still names someone on the list: they are not a leaver because their row is wrong.
  const listed = new Set([...rows.map((r) => r.email), ...fileProblems.flatMap((p) => (p.email ? [p.email] : []))]);
  const leavers: Leaver[] = members
    .filter((m) => !listed.has(m.email))
    .map((m) => ({ membershipId: m.membershipId, userId: m.userId, name: m.name, email: m.email, role: m.role, keptBecause: m.userId === actorId ? "you are importing the list" : null }));

  // An organisation keeps an Administrator: of those who would be left, count the ones already here.
  const managers = rolesWith("colleagues.manage");
  const finalRole = new Map(members.map((m) => [m.membershipId, m.role]));
  for (const change of changes) if (change.role) finalRole.set(change.membershipId, change.role.to);
  // A set, not a search of the leavers for each member: this runs once a leaver, over every member.
  const leaving = new Set(leavers.filter((l) => !l.keptBecause).map((l) => l.membershipId));
  const administratorsLeft = () => members.filter((m) => !leaving.has(m.membershipId) && managers.includes(finalRole.get(m.membershipId)!)).length;
  for (const leaver of leavers) {
    if (administratorsLeft() > 0) break;
    if (!leaver.keptBecause && can(leaver.role, "colleagues.manage")) {
      leaver.keptBecause = `the last Administrator of ${organisation.name}`;
      leaving.delete(leaver.membershipId);
    }
  }
  for (const change of changes) {
    if (administratorsLeft() > 0) break;
    if (change.role && !managers.includes(change.role.to)) {
      finalRole.set(change.membershipId, change.role.from);
      problems.push({ line: change.line, email: change.email, reason: `This would leave ${organisation.name} with no Administrator: keep at least one.` });
      // The row is skipped as a whole, as any row with a problem: its name change too.
      change.role = null;
      change.name = null;
    }
  }
  const plan = { joiners, changes: changes.filter((c) => c.name || c.role), leavers, unchanged, alreadyInvited, problems: problems.sort((a, b) => a.line - b.line) };
  return { ...plan, fingerprint: fingerprintOf(plan) };
}

/** What the preview showed, in a few bytes: confirming applies only if it is still what the list would do. */
function fingerprintOf(plan: Omit<ImportPlan, "fingerprint">): string {
  const canonical = JSON.stringify([
    plan.joiners.map((j) => [j.email, j.name, j.role, j.startDate, j.roleNote]),
    plan.changes.map((c) => [c.membershipId, c.name?.from ?? null, c.name?.to ?? null, c.nameKeptBecause, c.role?.from ?? null, c.role?.to ?? null, c.roleKeptBecause]),
    plan.leavers.map((l) => [l.membershipId, l.role, l.keptBecause]),
    plan.problems.map((p) => [p.line, p.reason]),
    plan.unchanged, plan.alreadyInvited,
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 32);
}

type Kept = { id: string; organisationId: string; fileName: string; rows: Prisma.JsonValue; problems: Prisma.JsonValue; createdAt: Date; expiresAt: Date; appliedAt: Date | null; summary: Prisma.JsonValue };

async function keep(tx: Tx, organisationId: string, actorId: string | null, fileName: string, rows: StaffRow[], problems: BadRow[], now: Date) {
  const kept = await tx.staffImport.create({
    data: {
      organisationId, createdById: actorId, fileName: fileName.slice(0, 200) || "staff.csv",
      rows: rows as unknown as Prisma.InputJsonValue, problems: problems as unknown as Prisma.InputJsonValue,
      createdAt: now, expiresAt: new Date(now.getTime() + IMPORT_LIFETIME_MS),
    },
    select: { id: true },
  });
  return kept.id;
}

async function findKept(tx: Tx, organisationId: string, importId: string, now: Date): Promise<Kept> {
  const kept = await tx.staffImport.findFirst({ where: { id: importId, organisationId } });
  // Another organisation's upload is answered as one that does not exist; so is a stale preview.
  if (!kept || (!kept.appliedAt && kept.expiresAt <= now)) throw new NotFoundError();
  return kept;
}

const uuidish = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses and keeps an Administrator's upload; returns its id and what it would change, or the file's problem. */
export async function uploadStaffList(actorId: string, input: { organisationId: string; fileName: string; bytes: Uint8Array }, now = new Date()) {
  return db.$transaction(async (tx) => {
    // Who may import is asked before the file is read: parsing 2 MB is work no Member may make the server do.
    const organisation = await requireMember(tx, actorId, input.organisationId, "colleagues.manage");
    const parsed = parseStaffList(input.bytes);
    if ("fileProblem" in parsed) return { fileProblem: parsed.fileProblem };
    const importId = await keep(tx, organisation.id, actorId, input.fileName, parsed.rows, parsed.problems, now);
    return { importId, plan: await planImport(tx, organisation, actorId, parsed.rows, parsed.problems, now) };
  });
}

export async function previewStaffImport(actorId: string, input: { organisationId: string; importId: string }, now = new Date()) {
  if (!uuidish.test(input.importId)) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, input.organisationId, "colleagues.manage");
    const kept = await findKept(tx, organisation.id, input.importId, now);
    const plan = kept.appliedAt ? null : await planImport(tx, organisation, actorId, kept.rows as StaffRow[], kept.problems as BadRow[], now);
    return { fileName: kept.fileName, createdAt: kept.createdAt, appliedAt: kept.appliedAt, summary: kept.summary as ImportSummary | null, plan };
  });
}

export type ApplyInput = { organisationId: string; importId: string; fingerprint: string; removeLeavers: boolean; skipProblems: boolean };

export async function applyStaffImport(actorId: string, input: ApplyInput, now = new Date()) {
  if (!uuidish.test(input.importId)) throw new NotFoundError();
  return apply(actorId, input, now, (tx) => requireMember(tx, actorId, input.organisationId, "colleagues.manage", { lock: true }));
}

// ---- The command line (`npm run staff:import -- <URN> <file>`): the configured database, no signed-in person ----

export async function planForSchool(urn: string, bytes: Uint8Array, fileName: string, now = new Date()) {
  const school = await db.organisation.findFirst({ where: { urn: urn.trim(), kind: "SCHOOL" }, select: { id: true, name: true } });
  if (!school) throw new NotFoundError();
  const parsed = parseStaffList(bytes);
  if ("fileProblem" in parsed) return { fileProblem: parsed.fileProblem };
  return db.$transaction(async (tx) => {
    const importId = await keep(tx, school.id, null, fileName, parsed.rows, parsed.problems, now);
    const plan = await planImport(tx, school, null, parsed.rows, parsed.problems, now);
    return { organisationId: school.id, organisationName: school.name, importId, plan };
  });
}

export async function applyForSchool(input: ApplyInput, now = new Date()) {
  return apply(null, input, now, async (tx) => {
    const [school] = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM "Organisation" WHERE id = ${input.organisationId}::uuid FOR UPDATE`;
    if (!school) throw new NotFoundError();
    return school;
  });
}

// ---- Applying ----

const TRANSACTION = { maxWait: 15_000, timeout: 60_000 } as const;

async function apply(actorId: string | null, input: ApplyInput, now: Date, lockOrganisation: (tx: Tx) => Promise<{ id: string; name: string }>) {
  const result = await db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx);
    const kept = await findKept(tx, organisation.id, input.importId, now);
    if (kept.appliedAt) throw new ActionError("This staff list has already been imported.");
    const plan = await planImport(tx, organisation, actorId, kept.rows as StaffRow[], kept.problems as BadRow[], now);
    if (plan.fingerprint !== input.fingerprint) {
      throw new ActionError("The staff changed since this preview was made (someone else changed them, or an invitation was accepted). Read the preview again, then confirm.");
    }
    if (plan.problems.length && !input.skipProblems) {
      throw new FieldError("skipProblems", "Fix these rows and upload the list again, or tick to skip them.");
    }
    const emails = plan.joiners.length;
    if (emails) {
      const sent = await tx.outboxMessage.count({
        where: { organisationId: organisation.id, kind: { in: ["STAFF_ADDED", "INVITATION"] }, createdAt: { gt: new Date(now.getTime() - IMPORT_LIFETIME_MS) } },
      });
      if (sent + emails > STAFF_LIST_EMAILS_PER_DAY) {
        throw new ActionError(
          `${organisation.name} has sent ${sent.toLocaleString("en-GB")} welcome emails and invitations in the last day; this list would send ${emails.toLocaleString("en-GB")} more, and the most is ${STAFF_LIST_EMAILS_PER_DAY.toLocaleString("en-GB")} a day. Import the rest tomorrow.`,
        );
      }
    }
    const claimed = await tx.staffImport.updateMany({ where: { id: kept.id, appliedAt: null }, data: { appliedAt: now } });
    if (claimed.count === 0) throw new ActionError("This staff list has already been imported.");
    const done = await applyPlan(tx, organisation, actorId, plan, input.removeLeavers, now);
    const summary: ImportSummary = { ...done.summary, skipped: plan.problems.length };
    await tx.staffImport.update({ where: { id: kept.id }, data: { summary }, select: { id: true } });
    await tx.auditLog.create({
      data: {
        actorId, action: "staff_import.applied", organisationId: organisation.id, targetType: "StaffImport", targetId: kept.id,
        after: { fileName: kept.fileName, ...summary, removeLeavers: input.removeLeavers, ...(actorId ? {} : { via: "command line" }) },
      },
    });
    return { summary, outboxIds: done.outboxIds, newUserIds: done.newUserIds };
  }, TRANSACTION);
  if (result.newUserIds.length) await enrolRequired({ userIds: result.newUserIds }); // after the commit, as for anyone joining
  return { summary: result.summary, outboxIds: result.outboxIds };
}

async function applyPlan(tx: Tx, organisation: { id: string; name: string }, actorId: string | null, plan: ImportPlan, removeLeavers: boolean, now: Date) {
  const audit: { action: string; targetType: string; targetId: string; before: object | null; after: object }[] = [];
  const mail: OutboxInput[] = [];
  const entry = (action: string, targetType: string, targetId: string, before: object | null, after: object | null) =>
    audit.push({ action, targetType, targetId, before, after: { ...after, via: "staff list" } });
  const adderName = actorId ? (await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name ?? null : null;

  // Who has an account is read here, under the lock, and shown only in the summary (see planImport).
  const accounts = new Set((await tx.user.findMany({ where: { email: { in: plan.joiners.map((j) => j.email) } }, select: { email: true } })).map((u) => u.email));

  // New addresses: an account with no password, a membership from today (or the start date, if later), a welcome.
  const added = plan.joiners.filter((j) => !accounts.has(j.email));
  const configured = configuredProviders();
  const rules = await tx.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { signInProviders: true, providerSignInRequired: true } });
  const providers = rules.signInProviders.filter((p) => configured.includes(p)).map((p) => PROVIDER_LABEL[p]);
  const passwordAllowed = !(rules.providerSignInRequired && providers.length);
  const users = added.map((j) => ({ id: randomUUID(), email: j.email, name: j.name, passwordHash: null, currentOrganisationId: organisation.id, createdAt: now }));
  const memberships = added.map((j, n) => {
    const start = j.startDate ? new Date(`${j.startDate}T12:00:00Z`) : now;
    return { id: randomUUID(), userId: users[n]!.id, organisationId: organisation.id, role: j.role, createdAt: start > now ? start : now };
  });
  const welcomeExpires = new Date(now.getTime() + WELCOME_LINK_LIFETIME_MS);
  const resets: unknown[][] = [];
  await insertRows(
    tx, "User",
    [{ name: "id", type: "uuid" }, { name: "email", type: "text" }, { name: "name", type: "text" }, { name: "currentOrganisationId", type: "uuid" }, { name: "createdAt", type: "timestamp(3)" }],
    users.map((u) => [u.id, u.email, u.name, u.currentOrganisationId, u.createdAt]),
  );
  await insertRows(
    tx, "Membership",
    [{ name: "id", type: "uuid" }, { name: "userId", type: "uuid" }, { name: "organisationId", type: "uuid" }, { name: "role", type: '"Role"' }, { name: "createdAt", type: "timestamp(3)" }],
    memberships.map((m) => [m.id, m.userId, m.organisationId, m.role, m.createdAt]),
  );
  added.forEach((j, n) => {
    const token = passwordAllowed ? newLinkToken() : null;
    if (token) resets.push([randomUUID(), users[n]!.id, "staff-list", hashLinkToken(token), now, welcomeExpires]);
    mail.push({
      kind: "STAFF_ADDED", to: j.email, userId: users[n]!.id, organisationId: organisation.id,
      payload: { organisationName: organisation.name, adderName, name: j.name, email: j.email, passwordAllowed, providers, expiresAt: token ? welcomeExpires.toISOString() : null },
      ...(token ? { secret: token } : {}),
    });
    entry("membership.added", "Membership", memberships[n]!.id, null, { userId: users[n]!.id, name: j.name, email: j.email, role: j.role, startDate: j.startDate });
  });
  await insertRows(
    tx, "PasswordReset",
    [{ name: "id", type: "uuid" }, { name: "userId", type: "uuid" }, { name: "ip", type: "text" }, { name: "tokenHash", type: "text" }, { name: "createdAt", type: "timestamp(3)" }, { name: "expiresAt", type: "timestamp(3)" }],
    resets,
  );

  // Addresses with an account: an invitation, which they accept to join (as a Member, as every invitation).
  const invitees = plan.joiners.filter((j) => accounts.has(j.email));
  if (invitees.length) {
    const emails = invitees.map((j) => j.email);
    const replaced = await tx.invitation.updateManyAndReturn({
      where: { organisationId: organisation.id, email: { in: emails }, acceptedAt: null, withdrawnAt: null }, data: { withdrawnAt: now }, select: { id: true },
    });
    await cancelUnsentInvitationMail(tx, replaced.map((r) => r.id), "A newer invitation replaced this one.");
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    const invitations = invitees.map((j) => ({ id: randomUUID(), token: newLinkToken(), joiner: j }));
    await tx.invitation.createMany({
      data: invitations.map((i) => ({ id: i.id, organisationId: organisation.id, email: i.joiner.email, tokenHash: hashLinkToken(i.token), invitedById: actorId, createdAt: now, expiresAt })),
    });
    for (const i of invitations) {
      mail.push({
        kind: "INVITATION", to: i.joiner.email, userId: null, organisationId: organisation.id, invitationId: i.id, secret: i.token,
        payload: { organisationName: organisation.name, inviterName: adderName, email: i.joiner.email, expiresAt: expiresAt.toISOString() },
      });
      entry("invitation.created", "Invitation", i.id, null, { email: i.joiner.email, expiresAt: expiresAt.toISOString() });
    }
  }

  // Names and roles, each in one statement.
  const renames = plan.changes.filter((c) => c.name && !c.nameKeptBecause);
  if (renames.length) {
    await tx.$executeRaw`
      UPDATE "User" u SET name = v.name
        FROM unnest(${renames.map((c) => c.userId)}::uuid[], ${renames.map((c) => c.name!.to)}::text[]) AS v(id, name)
       WHERE u.id = v.id`;
    for (const c of renames) entry("user.renamed", "User", c.userId, { name: c.name!.from, email: c.email }, { name: c.name!.to, email: c.email });
  }
  const roleChanges = plan.changes.filter((c) => c.role);
  if (roleChanges.length) {
    await tx.$executeRaw`
      UPDATE "Membership" m SET role = v.role
        FROM unnest(${roleChanges.map((c) => c.membershipId)}::uuid[], ${roleChanges.map((c) => c.role!.to)}::"Role"[]) AS v(id, role)
       WHERE m.id = v.id AND m."organisationId" = ${organisation.id}::uuid`;
    for (const c of roleChanges) entry("membership.role_changed", "Membership", c.membershipId, { userId: c.userId, email: c.email, role: c.role!.from }, { userId: c.userId, email: c.email, role: c.role!.to });
  }
  // Links an Administrator sent stop working when they stop being one (as lib/colleagues.ts does).
  const demoted = roleChanges.filter((c) => can(c.role!.from, "colleagues.manage") && !can(c.role!.to, "colleagues.manage")).map((c) => c.userId);

  // Leavers, only when asked, never those kept.
  const leaving = removeLeavers ? plan.leavers.filter((l) => !l.keptBecause) : [];
  if (leaving.length) {
    const ids = leaving.map((l) => l.membershipId);
    await tx.membership.deleteMany({ where: { id: { in: ids }, organisationId: organisation.id } });
    await tx.user.updateMany({ where: { id: { in: leaving.map((l) => l.userId) }, currentOrganisationId: organisation.id }, data: { currentOrganisationId: null } });
    for (const l of leaving) entry("membership.removed", "Membership", l.membershipId, { userId: l.userId, name: l.name, email: l.email, role: l.role }, null);
  }
  const managersGone = [...demoted, ...leaving.filter((l) => can(l.role, "colleagues.manage")).map((l) => l.userId)];
  if (managersGone.length) await withdrawInvitationsBy(tx, organisation.id, managersGone);

  await insertRows(
    tx, "AuditLog",
    [{ name: "actorId", type: "uuid" }, { name: "action", type: "text" }, { name: "organisationId", type: "uuid" }, { name: "targetType", type: "text" }, { name: "targetId", type: "text" }, { name: "before", type: "jsonb" }, { name: "after", type: "jsonb" }],
    audit.map((a) => [actorId, a.action, organisation.id, a.targetType, a.targetId, a.before, a.after]),
  );
  const outboxIds = await enqueueMails(tx, mail);
  return {
    outboxIds,
    newUserIds: users.map((u) => u.id),
    summary: { added: added.length, invited: invitees.length, renamed: renames.length, roleChanged: roleChanges.length, removed: leaving.length },
  };
}

/** Whether a change is applied (a listed name or role difference may be kept, with the reason). */
export function takesEffect(change: Change): boolean {
  return Boolean((change.name && !change.nameKeptBecause) || change.role);
}

/** Whether confirming would change anything at all (leavers count: they are removed only when ticked). */
export function changesAnything(plan: ImportPlan): boolean {
  return plan.joiners.length > 0 || plan.changes.some(takesEffect) || plan.leavers.some((l) => !l.keptBecause);
}
