// Importing a school's staff list on a real PostgreSQL (issue 16): the preview, then one audited transaction
// that adds new addresses at once, invites existing accounts, renames, changes roles and (only when asked)
// removes leavers; refused, with nothing written, when the list has bad rows not skipped, when the staff changed
// since the preview, or when it is applied twice; never removing the importer or the last Administrator.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", () => import("./session-stand-in"));

const { db } = await import("@/lib/db");
const { ActionError, FieldError, NotFoundError } = await import("@/lib/errors");
const { hashLinkToken } = await import("@/lib/link-token");
const importer = await import("@/lib/staff-import");
const { applyForSchool, applyStaffImport, changesAnything, planForSchool, previewStaffImport, uploadStaffList } = importer;
const { makeCourse, unique } = await import("./helpers");
const { sendNow, waitForMailTo } = await import("./mail-helpers");
const { addMember, footprint, importAudit, makeImportSchool, membershipOf, newAddress, rowOf, staffList } = await import("./staff-import-fixtures");
type ListRow = import("./staff-import-fixtures").ListRow;
type ImportPlan = import("@/lib/staff-import").ImportPlan;

type Uploaded = { importId: string; plan: ImportPlan };

async function upload(actorId: string, organisationId: string, list: ListRow[] | Uint8Array, now?: Date): Promise<Uploaded> {
  const result = await uploadStaffList(actorId, { organisationId, fileName: "staff.csv", bytes: list instanceof Uint8Array ? list : staffList(list) }, now);
  if ("fileProblem" in result) throw new Error(`unexpected file problem: ${result.fileProblem}`);
  return result;
}

function confirm(actorId: string, organisationId: string, uploaded: Uploaded, options: { removeLeavers?: boolean; skipProblems?: boolean; fingerprint?: string } = {}) {
  return applyStaffImport(actorId, {
    organisationId, importId: uploaded.importId, fingerprint: options.fingerprint ?? uploaded.plan.fingerprint,
    removeLeavers: options.removeLeavers ?? false, skipProblems: options.skipProblems ?? false,
  });
}

const userOf = (email: string) =>
  db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true, currentOrganisationId: true, emailVerifiedAt: true } });

const DAY = 24 * 60 * 60 * 1000;

describe("preview, then apply", () => {
  it("adds new addresses at once, invites existing accounts, renames, changes roles, and lists leavers without removing them", async () => {
    const { school, admin, staff, otherSchool } = await makeImportSchool(5);
    const [renamed, promoted, shared, leaverA, leaverB] = staff as [typeof admin, typeof admin, typeof admin, typeof admin, typeof admin];
    await db.membership.create({ data: { userId: shared.id, organisationId: otherSchool.id } });
    const elsewhere = await addMember(otherSchool.id);
    const newAdmin = newAddress();
    const newMember = newAddress();
    const rows: ListRow[] = [
      rowOf(admin),
      rowOf(renamed, { name: "Rosalind Quarry" }),
      rowOf(promoted, { role: "Administrator" }),
      rowOf(shared, { name: "Someone Else Entirely" }),
      { name: "Known Elsewhere", email: elsewhere.email.toUpperCase(), role: "Administrator" },
      { name: "Imogen Newfield", email: newAdmin, role: "Administrator", start: "2020-01-06" },
      { name: "Ned Newfield", email: newMember },
    ];

    const uploaded = await upload(admin.id, school.id, rows);
    const { plan } = uploaded;
    expect(plan.joiners).toEqual([
      // Whether an address has an account is not told before confirming: the one with an account is listed alike.
      // Newcomers join as Members, whatever the list says: an address is not yet a person who has signed in.
      { line: 6, name: "Known Elsewhere", email: elsewhere.email, role: "MEMBER", startDate: null, roleNote: expect.stringMatching(/^joins as a Member/) },
      { line: 7, name: "Imogen Newfield", email: newAdmin, role: "MEMBER", startDate: "2020-01-06", roleNote: expect.stringMatching(/^joins as a Member/) },
      { line: 8, name: "Ned Newfield", email: newMember, role: "MEMBER", startDate: null, roleNote: null },
    ]);
    expect(plan.changes.map((c) => [c.line, c.email, c.name, c.nameKeptBecause === null ? null : "kept", c.role])).toEqual([
      [3, renamed.email, { from: renamed.name, to: "Rosalind Quarry" }, null, null],
      [4, promoted.email, null, null, { from: "MEMBER", to: "ADMINISTRATOR" }],
      [5, shared.email, { from: shared.name, to: "Someone Else Entirely" }, "kept", null],
    ]);
    expect(plan.changes[2]!.nameKeptBecause).toMatch(/another organisation/);
    expect(plan.leavers.map((l) => [l.email, l.keptBecause]).sort()).toEqual([[leaverA.email, null], [leaverB.email, null]].sort());
    expect(plan).toMatchObject({ unchanged: 2, alreadyInvited: 0, problems: [] });
    expect(changesAnything(plan)).toBe(true);

    // The preview page reads the kept upload again: the same plan, and nothing has changed yet.
    const before = await footprint(school.id, [newAdmin, newMember]);
    const preview = await previewStaffImport(admin.id, { organisationId: school.id, importId: uploaded.importId });
    expect(preview).toMatchObject({ fileName: "staff.csv", appliedAt: null, summary: null });
    expect(preview.plan).toEqual(plan);
    expect(before.users).toBe(0);

    const { summary, outboxIds } = await confirm(admin.id, school.id, uploaded);
    expect(summary).toEqual({ added: 2, invited: 1, renamed: 1, roleChanged: 1, removed: 0, skipped: 0 });
    expect(outboxIds).toHaveLength(3);

    // Every row the import wrote or changed carries the id of the one transaction that wrote it (xmin), read
    // before sending the emails marks their rows sent.
    const writers = await db.$queryRaw<{ xmin: string }[]>`
      SELECT DISTINCT xmin::text FROM (
        SELECT xmin FROM "AuditLog" WHERE id = ANY(${(await importAudit(school.id)).map((a) => a.id)}::bigint[])
        UNION ALL SELECT xmin FROM "User" WHERE email = ANY(${[newAdmin, newMember, renamed.email]})
        UNION ALL SELECT m.xmin FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."organisationId" = ${school.id}::uuid AND u.email = ANY(${[newAdmin, newMember, promoted.email]})
        UNION ALL SELECT xmin FROM "Invitation" WHERE "organisationId" = ${school.id}::uuid
        UNION ALL SELECT xmin FROM "OutboxMessage" WHERE id = ANY(${outboxIds}::uuid[])
        UNION ALL SELECT xmin FROM "StaffImport" WHERE id = ${uploaded.importId}::uuid
      ) written`;
    expect(writers).toHaveLength(1);

    // New addresses: an account with no password, a membership with the list's role, a welcome with a link.
    for (const [email, role] of [[newAdmin, "MEMBER"], [newMember, "MEMBER"]] as const) {
      const user = await userOf(email);
      expect(user.passwordHash).toBeNull();
      expect(user.currentOrganisationId).toBe(school.id);
      expect((await membershipOf(email, school.id))?.role).toBe(role);
      const resets = await db.passwordReset.findMany({ where: { userId: user.id } });
      expect(resets).toHaveLength(1);
      expect(resets[0]!.usedAt).toBeNull();
      const welcome = await db.outboxMessage.findFirstOrThrow({ where: { to: email } });
      expect(welcome).toMatchObject({ kind: "STAFF_ADDED", userId: user.id, organisationId: school.id, status: "PENDING" });
      expect(welcome.secret).toBeTruthy();
      expect(welcome.payload).toMatchObject({ organisationName: school.name, adderName: admin.name, email, passwordAllowed: true });
      expect(JSON.stringify(welcome.payload)).not.toContain(welcome.secret!);
    }
    expect((await membershipOf(newAdmin, school.id))!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000); // a past start date counts from today

    // The welcome really sent holds the one link that sets the password: its token is the stored reset's.
    await sendNow(outboxIds);
    const mail = await waitForMailTo(newMember, /You have been added to/);
    const link = mail.links.find((l) => l.includes("/reset-password/"))!;
    const reset = await db.passwordReset.findFirstOrThrow({ where: { user: { email: newMember } } });
    expect(hashLinkToken(link.split("/reset-password/")[1]!)).toBe(reset.tokenHash);

    // An existing account is invited, and is not a member until it accepts.
    expect(await membershipOf(elsewhere.email, school.id)).toBeNull();
    const invitation = await db.invitation.findFirstOrThrow({ where: { organisationId: school.id, email: elsewhere.email } });
    expect(invitation).toMatchObject({ acceptedAt: null, withdrawnAt: null, invitedById: admin.id });
    expect(await db.outboxMessage.count({ where: { kind: "INVITATION", invitationId: invitation.id } })).toBe(1);

    expect((await userOf(renamed.email)).name).toBe("Rosalind Quarry");
    expect((await membershipOf(promoted.email, school.id))?.role).toBe("ADMINISTRATOR");
    expect((await userOf(shared.email)).name).toBe(shared.name);
    expect(await membershipOf(leaverA.email, school.id)).not.toBeNull();
    expect(await membershipOf(leaverB.email, school.id)).not.toBeNull();

    const kept = await db.staffImport.findUniqueOrThrow({ where: { id: uploaded.importId } });
    expect(kept.appliedAt).toBeInstanceOf(Date);
    expect(kept.summary).toEqual(summary);
    expect(await previewStaffImport(admin.id, { organisationId: school.id, importId: uploaded.importId })).toMatchObject({ plan: null, summary, appliedAt: kept.appliedAt });

    // One audit row a change, and one for the import, written by the importer in the same transaction.
    const audit = await importAudit(school.id);
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["invitation.created", "membership.added", "membership.added", "membership.role_changed", "staff_import.applied", "user.renamed"],
    );
    expect(new Set(audit.map((a) => a.actorId))).toEqual(new Set([admin.id]));
    expect(audit.find((a) => a.action === "staff_import.applied")).toMatchObject({ targetId: uploaded.importId, after: { ...summary, fileName: "staff.csv", removeLeavers: false } });

    await expect(confirm(admin.id, school.id, uploaded)).rejects.toThrow(/already been imported/);

    // The same list again, now removing leavers: only the two leavers go.
    const again = await upload(admin.id, school.id, rows);
    expect(again.plan).toMatchObject({ joiners: [], alreadyInvited: 1 });
    expect(again.plan.leavers.map((l) => l.email).sort()).toEqual([leaverA.email, leaverB.email].sort());
    expect((await confirm(admin.id, school.id, again, { removeLeavers: true })).summary).toEqual({ added: 0, invited: 0, renamed: 0, roleChanged: 0, removed: 2, skipped: 0 });
    expect(await membershipOf(leaverA.email, school.id)).toBeNull();
    expect(await membershipOf(leaverB.email, school.id)).toBeNull();
    expect((await userOf(leaverA.email)).currentOrganisationId).toBeNull(); // their account stays, outside the school
    expect((await importAudit(school.id)).filter((a) => a.action === "membership.removed").map((a) => (a.before as { email: string }).email).sort()).toEqual(
      [leaverA.email, leaverB.email].sort(),
    );
  });

  it("withdraws the pending invitations of an Administrator it removes, and invites again an account whose invitation lapsed", async () => {
    const { createInvitation } = await import("@/lib/invitations");
    const { school, admin, staff, otherSchool } = await makeImportSchool(1);
    const leavingAdmin = await addMember(school.id, "ADMINISTRATOR");
    const sentByLeaver = await createInvitation(leavingAdmin.id, { organisationId: school.id, email: newAddress("invitee") });
    const elsewhere = await addMember(otherSchool.id);
    const lapsed = await createInvitation(admin.id, { organisationId: school.id, email: elsewhere.email }, new Date(Date.now() - 30 * DAY));

    const uploaded = await upload(admin.id, school.id, [rowOf(admin), rowOf(staff[0]!), rowOf(elsewhere)]);
    expect(uploaded.plan.joiners).toMatchObject([{ email: elsewhere.email }]);
    expect(uploaded.plan.alreadyInvited).toBe(0);
    expect(uploaded.plan.leavers).toMatchObject([{ email: leavingAdmin.email, role: "ADMINISTRATOR", keptBecause: null }]);
    expect((await confirm(admin.id, school.id, uploaded, { removeLeavers: true })).summary).toMatchObject({ invited: 1, removed: 1 });

    expect((await db.invitation.findUniqueOrThrow({ where: { id: sentByLeaver.invitationId } })).withdrawnAt).toBeInstanceOf(Date);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: lapsed.invitationId } })).withdrawnAt).toBeInstanceOf(Date);
    const pending = await db.invitation.findMany({ where: { organisationId: school.id, email: elsewhere.email, withdrawnAt: null } });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("starts a joiner's membership on a future start date, and their required training falls due from it", async () => {
    const { school, admin } = await makeImportSchool(0);
    const course = await makeCourse(2, unique("Quillon Safeguarding"));
    await db.requirement.create({ data: { organisationId: school.id, courseId: course.id, dueKind: "WITHIN_DAYS", dueDays: 30 } });
    const later = newAddress();
    const today = newAddress();
    const start = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const [y, m, d] = start.split("-");
    const uploaded = await upload(admin.id, school.id, [rowOf(admin), { name: "Later Starter", email: later, start: `${d}/${m}/${y}` }, { name: "Today Starter", email: today }]);
    expect(uploaded.plan.joiners.map((j) => j.startDate)).toEqual([start, null]);
    await confirm(admin.id, school.id, uploaded);

    expect((await membershipOf(later, school.id))!.createdAt.toISOString()).toBe(`${start}T12:00:00.000Z`);
    const due = async (email: string) =>
      (await db.requiredAssignment.findFirstOrThrow({ where: { schoolId: school.id, courseId: course.id, userId: (await userOf(email)).id } })).firstDueOn.toISOString().slice(0, 10);
    expect(await due(later)).toBe(new Date(Date.parse(start) + 30 * DAY).toISOString().slice(0, 10));
    const joinedToday = (await membershipOf(today, school.id))!.createdAt;
    expect(Math.abs(joinedToday.getTime() - Date.now())).toBeLessThan(60_000);
    // Enrolled on it after the commit, as anyone joining is.
    expect(await db.enrolment.count({ where: { courseId: course.id, user: { email: { in: [later, today] } } } })).toBe(2);
  });
});

describe("the welcome email where the school requires Microsoft or Google", () => {
  const saved = { id: process.env.AUTH_GOOGLE_ID, secret: process.env.AUTH_GOOGLE_SECRET };
  afterEach(() => {
    for (const [name, value] of [["AUTH_GOOGLE_ID", saved.id], ["AUTH_GOOGLE_SECRET", saved.secret]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("carries no password link and no secret, and names the provider", async () => {
    process.env.AUTH_GOOGLE_ID = "import-test-client";
    process.env.AUTH_GOOGLE_SECRET = "import-test-secret";
    const { school, admin } = await makeImportSchool(0);
    await db.organisation.update({ where: { id: school.id }, data: { providerSignInRequired: true, signInProviders: ["GOOGLE"] } });
    const email = newAddress();
    const { outboxIds } = await confirm(admin.id, school.id, await upload(admin.id, school.id, [rowOf(admin), { name: "Provider Only", email }]));
    const welcome = await db.outboxMessage.findFirstOrThrow({ where: { to: email } });
    expect(welcome.kind).toBe("STAFF_ADDED");
    expect(welcome.secret).toBeNull();
    expect(welcome.payload).toMatchObject({ passwordAllowed: false, providers: ["Google"], expiresAt: null });
    expect(await db.passwordReset.count({ where: { user: { email } } })).toBe(0);
    await sendNow(outboxIds);
    const mail = await waitForMailTo(email, /You have been added to/);
    expect(mail.links.some((l) => l.includes("/reset-password/"))).toBe(false);
    expect(mail.text).toContain("Sign in with Google");
  });

  it("still sends a password link when the required provider is not set up on this deployment", async () => {
    delete process.env.AUTH_GOOGLE_ID;
    delete process.env.AUTH_GOOGLE_SECRET;
    const { school, admin } = await makeImportSchool(0);
    await db.organisation.update({ where: { id: school.id }, data: { providerSignInRequired: true, signInProviders: ["GOOGLE"] } });
    const email = newAddress();
    await confirm(admin.id, school.id, await upload(admin.id, school.id, [rowOf(admin), { name: "Password Still", email }]));
    const welcome = await db.outboxMessage.findFirstOrThrow({ where: { to: email } });
    expect(welcome.payload).toMatchObject({ passwordAllowed: true, providers: [] });
    expect(welcome.secret).toBeTruthy();
  });
});

describe("the same list twice", () => {
  it("changes nothing the second time: no users, memberships, invitations, emails or renames", async () => {
    const { school, admin, staff, otherSchool } = await makeImportSchool(3);
    const elsewhere = await addMember(otherSchool.id);
    const added = [newAddress(), newAddress(), newAddress()];
    const rows: ListRow[] = [
      rowOf(admin, { role: "Administrator" }),
      rowOf(staff[0]!, { name: "Quentin Renamed" }),
      rowOf(staff[1]!, { role: "Administrator" }),
      rowOf(staff[2]!, { role: "Member" }),
      { name: "Known Elsewhere", email: elsewhere.email },
      ...added.map((email, i) => ({ name: `Twice Imported ${i}`, email, start: "01/09/2026" })),
    ];
    const bytes = staffList(rows);
    const first = await confirm(admin.id, school.id, await upload(admin.id, school.id, bytes));
    expect(first.summary).toMatchObject({ added: 3, invited: 1, renamed: 1, roleChanged: 1 });

    const before = await footprint(school.id, added);
    const again = await upload(admin.id, school.id, bytes);
    expect(again.plan).toMatchObject({ joiners: [], changes: [], leavers: [], problems: [], unchanged: 7, alreadyInvited: 1 });
    expect(changesAnything(again.plan)).toBe(false);
    const second = await confirm(admin.id, school.id, again, { removeLeavers: true });
    expect(second).toEqual({ summary: { added: 0, invited: 0, renamed: 0, roleChanged: 0, removed: 0, skipped: 0 }, outboxIds: [] });
    const after = await footprint(school.id, added);
    expect(after).toEqual({ ...before, audit: before.audit + 1, applied: before.applied + 1 }); // only the import's own row
  });
});

describe("bad rows", () => {
  // After the Administrator's row (line 2) and a good row (line 3), one row for each reason, from line 4.
  const badRows = (goodEmail: string): ListRow[] => [
    { name: "Nobody's Address", email: "" },
    { name: "Malformed Address", email: "malformed@" },
    { name: "Good Again", email: goodEmail.toUpperCase() },
    { name: "Unknown Role", email: newAddress(), role: "Head of Year" },
    { name: "", email: newAddress() },
    { name: "Impossible Date", email: newAddress(), start: "31/02/2027" },
  ];

  it("reach the preview with their line numbers; applying is refused with nothing changed until they are skipped", async () => {
    const { school, admin } = await makeImportSchool(0);
    const good = newAddress();
    const rows = [rowOf(admin), { name: "Good Row", email: good }, ...badRows(good)];
    const uploaded = await upload(admin.id, school.id, rows);
    expect(uploaded.plan.problems.map((p) => [p.line, p.reason])).toEqual([
      [4, "No email address."],
      [5, "\u201cmalformed@\u201d is not an email address."],
      [6, "The same email address as line 3."],
      [7, "\u201cHead of Year\u201d is not a role: use Member or Administrator, or leave it empty."],
      [8, "No name."],
      [9, "\u201c31/02/2027\u201d is not a date: use a date like 01/09/2026 or 2026-09-01."],
    ]);
    expect(uploaded.plan.joiners.map((j) => j.email)).toEqual([good]);

    const before = await footprint(school.id, [good]);
    const refused = await confirm(admin.id, school.id, uploaded).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FieldError);
    expect(refused).toMatchObject({ field: "skipProblems", message: expect.stringMatching(/Fix these rows.*or tick to skip them/) });
    expect(await footprint(school.id, [good])).toEqual(before);

    const { summary } = await confirm(admin.id, school.id, uploaded, { skipProblems: true });
    expect(summary).toEqual({ added: 1, invited: 0, renamed: 0, roleChanged: 0, removed: 0, skipped: 6 });
    expect(await membershipOf(good, school.id)).not.toBeNull();
  });

  it("keep the people they name in the school: a typo in a colleague's row does not make them a leaver", async () => {
    const { school, admin, staff } = await makeImportSchool(2);
    const [typo, gone] = staff as [typeof admin, typeof admin];
    const uploaded = await upload(admin.id, school.id, [rowOf(admin), rowOf(typo, { role: "Teacher" })]);
    expect(uploaded.plan.problems.map((p) => [p.line, p.email])).toEqual([[3, typo.email]]);
    // Skipping the row must skip it, not remove its person along with those truly no longer on the list.
    expect(uploaded.plan.leavers.map((l) => l.email)).toEqual([gone.email]);
    await confirm(admin.id, school.id, uploaded, { skipProblems: true, removeLeavers: true });
    expect(await membershipOf(typo.email, school.id)).not.toBeNull();
    expect(await membershipOf(gone.email, school.id)).toBeNull();
  });

  it("a file that cannot be read is answered with its problem, and nothing is kept", async () => {
    const { school, admin } = await makeImportSchool(0);
    const latin1 = new Uint8Array(Buffer.from(`Name,Email\n${admin.name},${admin.email}\nZoë Brontë,zoe@import-test.example\n`, "latin1"));
    const result = await uploadStaffList(admin.id, { organisationId: school.id, fileName: "ansi.csv", bytes: latin1 });
    expect(result).toEqual({ fileProblem: expect.stringMatching(/^Line 3: the file is not saved as UTF-8/) });
    expect(await db.staffImport.count({ where: { organisationId: school.id } })).toBe(0);
  });
});

describe("the last Administrator", () => {
  it("never removes the person importing, even when the list leaves them out", async () => {
    const { school, admin, staff } = await makeImportSchool(2);
    const uploaded = await upload(admin.id, school.id, [rowOf(staff[0]!)]);
    expect(uploaded.plan.leavers.map((l) => [l.email, l.keptBecause]).sort()).toEqual([[admin.email, "you are importing the list"], [staff[1]!.email, null]].sort());
    expect((await confirm(admin.id, school.id, uploaded, { removeLeavers: true })).summary.removed).toBe(1);
    expect((await membershipOf(admin.email, school.id))?.role).toBe("ADMINISTRATOR");
    expect(await membershipOf(staff[1]!.email, school.id)).toBeNull();
  });

  it("keeps the only other Administrator when the importer's own row makes them a Member", async () => {
    const { school, admin, staff } = await makeImportSchool(1);
    const other = await addMember(school.id, "ADMINISTRATOR");
    const uploaded = await upload(admin.id, school.id, [rowOf(admin, { role: "Member" }), rowOf(staff[0]!)]);
    expect(uploaded.plan.leavers).toMatchObject([{ email: other.email, keptBecause: `the last Administrator of ${school.name}` }]);
    expect(uploaded.plan.changes).toMatchObject([{ email: admin.email, role: { from: "ADMINISTRATOR", to: "MEMBER" } }]);
    expect(changesAnything(uploaded.plan)).toBe(true);
    await confirm(admin.id, school.id, uploaded, { removeLeavers: true });
    expect((await membershipOf(other.email, school.id))?.role).toBe("ADMINISTRATOR");
    expect((await membershipOf(admin.email, school.id))?.role).toBe("MEMBER");
  });

  it("from the command line, keeps a school's only Administrator who is not on the list, and audits the command line", async () => {
    const { school, admin, staff } = await makeImportSchool(2);
    const urn = `9${Date.now() % 100_000_000}`; // unlike any demo URN
    await db.organisation.update({ where: { id: school.id }, data: { urn } });
    const planned = await planForSchool(urn, staffList([rowOf(staff[0]!), { name: "Command Line Joiner", email: newAddress() }]), "mis-export.csv");
    if ("fileProblem" in planned) throw new Error(planned.fileProblem);
    expect(planned).toMatchObject({ organisationId: school.id, organisationName: school.name });
    expect(planned.plan.leavers.map((l) => [l.email, l.keptBecause]).sort()).toEqual([[admin.email, `the last Administrator of ${school.name}`], [staff[1]!.email, null]].sort());
    const { summary } = await applyForSchool({ organisationId: school.id, importId: planned.importId, fingerprint: planned.plan.fingerprint, removeLeavers: true, skipProblems: false });
    expect(summary).toMatchObject({ added: 1, removed: 1 });
    expect((await membershipOf(admin.email, school.id))?.role).toBe("ADMINISTRATOR");
    const audit = await importAudit(school.id);
    expect(audit.every((a) => a.actorId === null)).toBe(true);
    expect(audit.find((a) => a.action === "staff_import.applied")?.after).toMatchObject({ via: "command line", fileName: "mis-export.csv" });
    await expect(planForSchool("999999999", staffList([rowOf(admin)]), "x.csv")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("makes demoting the last Administrator by the role column a problem row, and skipping it keeps them", async () => {
    const { school, admin, staff } = await makeImportSchool(1);
    const uploaded = await upload(admin.id, school.id, [rowOf(staff[0]!), rowOf(admin, { role: "Member" })]);
    expect(uploaded.plan.problems).toEqual([{ line: 3, email: admin.email, reason: `This would leave ${school.name} with no Administrator: keep at least one.` }]);
    expect(uploaded.plan.changes).toEqual([]);
    await expect(confirm(admin.id, school.id, uploaded)).rejects.toBeInstanceOf(FieldError);
    expect((await confirm(admin.id, school.id, uploaded, { skipProblems: true })).summary).toMatchObject({ roleChanged: 0, skipped: 1 });
    expect((await membershipOf(admin.email, school.id))?.role).toBe("ADMINISTRATOR");
  });
});

describe("a preview that is out of date", () => {
  it("is refused when a colleague joined since the upload, with nothing applied; the new preview applies", async () => {
    const { school, admin, staff } = await makeImportSchool(1);
    const joiner = newAddress();
    const uploaded = await upload(admin.id, school.id, [rowOf(admin), rowOf(staff[0]!, { name: "Renamed Meanwhile" }), { name: "Stale Joiner", email: joiner }]);
    await addMember(school.id); // joined another way since: a leaver the preview did not show
    const before = await footprint(school.id, [joiner]);
    await expect(confirm(admin.id, school.id, uploaded, { removeLeavers: true })).rejects.toThrow(/changed since this preview was made/);
    expect(await footprint(school.id, [joiner])).toEqual(before);
    expect((await db.staffImport.findUniqueOrThrow({ where: { id: uploaded.importId } })).appliedAt).toBeNull();

    const fresh = await previewStaffImport(admin.id, { organisationId: school.id, importId: uploaded.importId });
    expect(fresh.plan!.fingerprint).not.toBe(uploaded.plan.fingerprint);
    expect(fresh.plan!.leavers).toHaveLength(1);
    const { summary } = await confirm(admin.id, school.id, uploaded, { fingerprint: fresh.plan!.fingerprint });
    expect(summary).toMatchObject({ added: 1, renamed: 1, removed: 0 });
  });

  it("is refused when someone on the list left since the upload", async () => {
    const { school, admin, staff } = await makeImportSchool(2);
    const uploaded = await upload(admin.id, school.id, [rowOf(admin), rowOf(staff[0]!), rowOf(staff[1]!, { role: "Administrator" })]);
    await db.membership.delete({ where: { id: staff[1]!.membershipId } });
    const before = await footprint(school.id, [staff[1]!.email]);
    await expect(confirm(admin.id, school.id, uploaded)).rejects.toThrow(/changed since this preview was made/);
    expect(await footprint(school.id, [staff[1]!.email])).toEqual(before);
  });
});

describe("one transaction", () => {
  it("writes nothing when the last statement fails: no account, membership, rename, removal, email or audit row", async () => {
    const { school, admin, staff } = await makeImportSchool(2);
    const joiner = newAddress();
    const uploaded = await upload(admin.id, school.id, [rowOf(admin), rowOf(staff[0]!, { name: "Never Renamed", role: "Administrator" }), { name: "Never Added", email: joiner }]);
    const before = await footprint(school.id, [joiner]);
    // The import's own audit row is its last write: make the database refuse it, for this school only.
    const trigger = `refuse_${school.id.replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON "AuditLog" FOR EACH ROW WHEN (NEW."organisationId" = '${school.id}'::uuid AND NEW.action = 'staff_import.applied') EXECUTE FUNCTION ${trigger}()`,
    );
    try {
      await expect(confirm(admin.id, school.id, uploaded, { removeLeavers: true })).rejects.toThrow(/refused by the test/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    }
    expect(await footprint(school.id, [joiner])).toEqual(before);
    expect(await membershipOf(staff[1]!.email, school.id)).not.toBeNull();
    expect(await db.outboxMessage.count({ where: { to: joiner } })).toBe(0);
    expect((await db.staffImport.findUniqueOrThrow({ where: { id: uploaded.importId } })).appliedAt).toBeNull();

    // Nothing half-done: the same preview applies in full afterwards.
    expect((await confirm(admin.id, school.id, uploaded, { removeLeavers: true })).summary).toEqual({ added: 1, invited: 0, renamed: 1, roleChanged: 1, removed: 1, skipped: 0 });
  });

  it("applies once when confirmed twice at the same moment", async () => {
    const { school, admin } = await makeImportSchool(0);
    const joiner = newAddress();
    const uploaded = await upload(admin.id, school.id, [rowOf(admin), { name: "Only Once", email: joiner }]);
    const results = await Promise.allSettled([confirm(admin.id, school.id, uploaded), confirm(admin.id, school.id, uploaded)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(/already been imported/);
    expect(await db.user.count({ where: { email: joiner } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: joiner } })).toBe(1);
    expect(await db.auditLog.count({ where: { organisationId: school.id, action: "staff_import.applied" } })).toBe(1);
  });
});

describe("who may preview and apply an upload", () => {
  it("answers another school's Administrator, an unknown id, a malformed one and an expired one as not found; refuses a Member", async () => {
    const { school, admin, staff, otherSchool, otherAdmin } = await makeImportSchool(1);
    const list = [rowOf(admin), { name: "Tenancy Joiner", email: newAddress() }];
    const uploaded = await upload(admin.id, school.id, list);
    const apply = (actorId: string, organisationId: string, importId = uploaded.importId) =>
      applyStaffImport(actorId, { organisationId, importId, fingerprint: uploaded.plan.fingerprint, removeLeavers: true, skipProblems: true });
    const preview = (actorId: string, organisationId: string, importId = uploaded.importId) => previewStaffImport(actorId, { organisationId, importId });

    // Another school's Administrator: through this school (not theirs), or through their own school.
    for (const organisationId of [school.id, otherSchool.id]) {
      await expect(preview(otherAdmin.id, organisationId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(apply(otherAdmin.id, organisationId)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(uploadStaffList(otherAdmin.id, { organisationId: school.id, fileName: "x.csv", bytes: staffList(list) })).rejects.toBeInstanceOf(NotFoundError);

    // A Member of the school: refused with the reason, which is not "not found".
    const asMember = [
      () => preview(staff[0]!.id, school.id),
      () => apply(staff[0]!.id, school.id),
      () => uploadStaffList(staff[0]!.id, { organisationId: school.id, fileName: "x.csv", bytes: staffList(list) }),
    ];
    for (const attempt of asMember) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toMatch(/Only an Administrator of/);
    }

    for (const importId of ["00000000-0000-4000-8000-000000000000", crypto.randomUUID(), "not-an-id", "", "' OR 1=1 --"]) {
      await expect(preview(admin.id, school.id, importId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(apply(admin.id, school.id, importId)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.staffImport.count({ where: { organisationId: school.id, appliedAt: { not: null } } })).toBe(0);

    // Kept a day: an upload of yesterday cannot be previewed or applied.
    const old = await upload(admin.id, school.id, list, new Date(Date.now() - DAY - 60_000));
    await expect(preview(admin.id, school.id, old.importId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyStaffImport(admin.id, { organisationId: school.id, importId: old.importId, fingerprint: old.plan.fingerprint, removeLeavers: false, skipProblems: false })).rejects.toBeInstanceOf(NotFoundError);

    // The Administrator themself, as a control: the same calls work.
    expect((await preview(admin.id, school.id)).plan?.fingerprint).toBe(uploaded.plan.fingerprint);
    expect((await apply(admin.id, school.id)).summary.added).toBe(1);
  });
});

describe("My School's recent changes after an import", () => {
  it("tell the import as one line, not a line for each person it added or removed", async () => {
    const { listRecentChanges, describeChange } = await import("@/lib/recent-changes");
    const { permittedAs } = await import("./helpers");
    const { school, admin, staff } = await makeImportSchool(3);
    const rows = [rowOf(admin), rowOf(staff[0]!), { name: "Nadia Newrow", email: newAddress() }, { name: "Nico Newrow", email: newAddress() }];
    await confirm(admin.id, school.id, await upload(admin.id, school.id, rows), { removeLeavers: true });
    const lines = (await listRecentChanges(await permittedAs(school.id, "colleagues.manage"))).map(describeChange);
    expect(lines[0]).toBe(`${admin.name} imported a staff list (staff.csv): 2 added, 2 removed`);
    expect(lines.filter((line) => /removed|added/.test(line))).toHaveLength(1);
  });
});
