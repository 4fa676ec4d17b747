// Email settings (Account › Email) and one-click unsubscribe (RFC 8058), through the real server action and the
// real route handler, on the real database; the outbox sends over SMTP to the local server and the test reads
// what arrived. Only the session is stood in for.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { signInAs } from "./session-stand-in";
import type { ReminderPayload, SchoolDigestPayload } from "@/lib/mail/templates/training";

vi.mock("@/lib/auth", () => import("./session-stand-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { changeEmailSettingsAction } = await import("@/app/(app)/account/actions");
const { GET, POST } = await import("@/app/api/unsubscribe/route");
const { db } = await import("@/lib/db");
const { enqueueMail } = await import("@/lib/mail/outbox");
const { unsubscribeQuery, unsubscribeUrl } = await import("@/lib/mail/unsubscribe");
const { makeOrganisation, makeUser } = await import("./helpers");
const { mailTo, outboxFor, sendNow, waitForMailTo } = await import("./mail-helpers");

type List = "reminders" | "digest";

const settingsOf = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { emailReminders: true, emailDigest: true } });
const auditOf = (id: string, action: string) => db.auditLog.findMany({ where: { targetId: id, action }, orderBy: { createdAt: "asc" } });

function saveSettings(userId: string | null, ticked: { reminders?: boolean; digest?: boolean }) {
  signInAs(userId);
  const form = new FormData();
  if (ticked.reminders) form.set("reminders", "on");
  if (ticked.digest) form.set("digest", "on");
  return changeEmailSettingsAction({}, form);
}

const base = () => process.env.APP_URL!;
const linkFor = (userId: string, list: List) => `${base()}/api/unsubscribe?${unsubscribeQuery(userId, list)}`;

/** What a mail client sends for one click (RFC 8058 §3.2): a POST, no cookies, the fixed body. */
function oneClick(url: string, init: { accept?: string; body?: BodyInit | null; type?: string } = {}) {
  const headers = new Headers();
  if (init.accept) headers.set("Accept", init.accept);
  const body = init.body === undefined ? "List-Unsubscribe=One-Click" : init.body;
  if (typeof body === "string") headers.set("Content-Type", init.type ?? "application/x-www-form-urlencoded");
  return POST(new Request(url, { method: "POST", headers, body }));
}

async function person() {
  const school = await makeOrganisation();
  // An Administrator: the school's digest goes only to someone who may see the school's progress.
  return { school, user: await makeUser(school.id, "ADMINISTRATOR") };
}

describe("the Account page's email settings", () => {
  it("change only the viewer's own row, with an audit row of before and after", async () => {
    const { school, user } = await person();
    const colleague = await makeUser(school.id);

    const answer = await saveSettings(user.id, { digest: true });
    expect(answer).toEqual({ ok: true, message: "Your email settings are saved." });
    expect(await settingsOf(user.id)).toEqual({ emailReminders: false, emailDigest: true });
    expect(await settingsOf(colleague.id)).toEqual({ emailReminders: true, emailDigest: true });

    const [audit, ...more] = await auditOf(user.id, "user.email_settings_changed");
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorId: user.id, targetType: "User", before: { reminders: true, digest: true }, after: { reminders: false, digest: true } });
    expect(await auditOf(colleague.id, "user.email_settings_changed")).toEqual([]);

    // Both off, then both on again: each a change, each audited.
    await saveSettings(user.id, {});
    expect(await settingsOf(user.id)).toEqual({ emailReminders: false, emailDigest: false });
    await saveSettings(user.id, { reminders: true, digest: true });
    expect(await settingsOf(user.id)).toEqual({ emailReminders: true, emailDigest: true });
    expect((await auditOf(user.id, "user.email_settings_changed")).map((a) => a.after)).toEqual([
      { reminders: false, digest: true }, { reminders: false, digest: false }, { reminders: true, digest: true },
    ]);

    // Saving what is already saved changes nothing and writes no audit row.
    expect(await saveSettings(user.id, { reminders: true, digest: true })).toMatchObject({ ok: true });
    expect(await auditOf(user.id, "user.email_settings_changed")).toHaveLength(3);
  });

  it("ignore another person's id in the form, refuse a visitor, and answer a forged value next to its field", async () => {
    const { school, user } = await person();
    const colleague = await makeUser(school.id);

    signInAs(user.id);
    const form = new FormData();
    form.set("userId", colleague.id);
    form.set("id", colleague.id);
    await changeEmailSettingsAction({}, form);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: false, emailDigest: false });
    expect(await settingsOf(colleague.id)).toEqual({ emailReminders: true, emailDigest: true });

    expect(await saveSettings(null, {})).toMatchObject({ message: expect.stringMatching(/session has ended/) });

    signInAs(colleague.id);
    const forged = new FormData();
    forged.set("reminders", "yes please");
    const answer = await changeEmailSettingsAction({}, forged);
    expect(answer.errors?.reminders).toEqual(["Tick the box or leave it empty"]);
    expect(await settingsOf(colleague.id)).toEqual({ emailReminders: true, emailDigest: true });
  });
});

describe("one-click unsubscribe (/api/unsubscribe)", () => {
  it("turns the link's list off for the link's person, with its audit row, and again changes nothing", async () => {
    const { school, user } = await person();
    const colleague = await makeUser(school.id);

    const first = await oneClick(linkFor(user.id, "digest"));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: true, emailDigest: false });
    expect(await settingsOf(colleague.id)).toEqual({ emailReminders: true, emailDigest: true });
    const audits = await auditOf(user.id, "user.unsubscribed");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: user.id, targetType: "User", after: { list: "digest" } });

    const again = await oneClick(linkFor(user.id, "digest"));
    expect(again.status).toBe(200);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: true, emailDigest: false });
    expect(await auditOf(user.id, "user.unsubscribed")).toHaveLength(1);

    // Multipart, as some clients send it.
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    expect((await oneClick(linkFor(user.id, "reminders"), { body: multipart })).status).toBe(200);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: false, emailDigest: false });
  });

  it("sends a browser's form back to the page, which then says it is done", async () => {
    const { user } = await person();
    const answer = await oneClick(linkFor(user.id, "reminders"), { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/unsubscribe?${unsubscribeQuery(user.id, "reminders")}`);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: false, emailDigest: true });
  });

  it("answers a link it did not make, or for someone else, or for a person who is gone, with 404 and changes nothing", async () => {
    const { school, user } = await person();
    const other = await makeUser(school.id);
    const good = new URL(linkFor(user.id, "reminders"));
    const t = good.searchParams.get("t")!;
    const otherT = new URL(linkFor(other.id, "reminders")).searchParams.get("t")!;
    const flipped = `${t[0] === "A" ? "B" : "A"}${t.slice(1)}`;
    const forged = [
      `u=${user.id}&l=digest&t=${t}`, // the reminders signature on the other list
      `u=${other.id}&l=reminders&t=${t}`, // this person's signature on another's id
      `u=${user.id}&l=reminders&t=${otherT}`, // another's signature on this person's id
      `u=${user.id}&l=reminders&t=${flipped}`,
      `u=${user.id}&l=reminders&t=`,
      `u=${user.id}&l=reminders`,
      `u=${user.id}&l=everything&t=${t}`,
      `u=${user.id.toUpperCase()}&l=reminders&t=${t}`,
      "",
    ];
    for (const query of forged) {
      const answer = await oneClick(`${base()}/api/unsubscribe?${query}`);
      expect(answer.status, query).toBe(404);
      expect((await GET(new Request(`${base()}/api/unsubscribe?${query}`))).status, `GET ${query}`).toBe(404);
    }
    expect(await settingsOf(user.id)).toEqual({ emailReminders: true, emailDigest: true });
    expect(await settingsOf(other.id)).toEqual({ emailReminders: true, emailDigest: true });
    expect(await auditOf(user.id, "user.unsubscribed")).toEqual([]);
    expect(await auditOf(other.id, "user.unsubscribed")).toEqual([]);

    // A well-signed link whose person no longer has an account.
    const gone = randomUUID();
    expect((await oneClick(linkFor(gone, "digest"))).status).toBe(404);
    expect(await db.auditLog.count({ where: { targetId: gone } })).toBe(0);
  });

  it("wants the one-click body: a bare POST changes nothing", async () => {
    const { user } = await person();
    expect((await oneClick(linkFor(user.id, "digest"), { body: null })).status).toBe(400);
    expect((await oneClick(linkFor(user.id, "digest"), { body: "List-Unsubscribe=Yes" })).status).toBe(400);
    expect((await oneClick(linkFor(user.id, "digest"), { body: "{}", type: "application/json" })).status).toBe(400);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: true, emailDigest: true });
  });

  it("never changes anything on GET (mail scanners follow links): it sends the browser to the page with the button", async () => {
    const { user } = await person();
    for (const list of ["reminders", "digest"] as const) {
      const answer = await GET(new Request(linkFor(user.id, list), { headers: { Accept: "text/html" } }));
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe(`/unsubscribe?${unsubscribeQuery(user.id, list)}`);
    }
    expect(await settingsOf(user.id)).toEqual({ emailReminders: true, emailDigest: true });
    expect(await auditOf(user.id, "user.unsubscribed")).toEqual([]);
  });
});

describe("the outbox and the settings", () => {
  const reminder = (name: string): ReminderPayload => ({ name, schoolNames: ["Settings School"], items: [{ course: "Safeguarding essentials", stage: "DUE_IN_14_DAYS", date: "2026-12-14" }] });
  const digest = (schoolId: string): SchoolDigestPayload => ({
    schoolId, schoolName: "Settings School", name: "Pat Head", weekOf: "2026-12-07", staff: 3, inDateStaff: 1,
    overdue: 2, overduePeople: [{ name: "Ann Example", course: "Safeguarding essentials", dueOn: "2026-12-01" }], joined: 1, joiners: [{ name: "Bo New", joinedOn: "2026-12-03" }],
  });

  it("cancels a reminder or a digest for a person who turned that list off, and still sends a password reset", async () => {
    const { school, user } = await person();
    await saveSettings(user.id, {});
    const ids = await db.$transaction(async (tx) => [
      await enqueueMail(tx, { kind: "REMINDER", to: user.email, userId: user.id, payload: reminder(user.name) }),
      await enqueueMail(tx, { kind: "SCHOOL_DIGEST", to: user.email, userId: user.id, organisationId: school.id, payload: digest(school.id) }),
      await enqueueMail(tx, { kind: "PASSWORD_RESET", to: user.email, userId: user.id, payload: { name: user.name, email: user.email }, secret: "reset-token" }),
    ]);
    const report = await sendNow(ids);
    expect(report).toMatchObject({ claimed: 3, sent: 1, cancelled: 2 });
    const rows = await outboxFor(user.email);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([["REMINDER", "CANCELLED"], ["SCHOOL_DIGEST", "CANCELLED"], ["PASSWORD_RESET", "SENT"]]);
    expect(rows[0]!.lastError).toMatch(/turned reminders off/);
    expect(rows[1]!.lastError).toMatch(/turned the weekly digest off/);
    await waitForMailTo(user.email, /Reset your Schoot password/);
    expect((await mailTo(user.email)).map((m) => m.subject)).toEqual(["Reset your Schoot password"]);
  });

  it("cancels only the list turned off: with reminders off, the digest still goes", async () => {
    const { school, user } = await person();
    await oneClick(linkFor(user.id, "reminders"));
    const ids = await db.$transaction(async (tx) => [
      await enqueueMail(tx, { kind: "REMINDER", to: user.email, userId: user.id, payload: reminder(user.name) }),
      await enqueueMail(tx, { kind: "SCHOOL_DIGEST", to: user.email, userId: user.id, organisationId: school.id, payload: digest(school.id) }),
    ]);
    expect(await sendNow(ids)).toMatchObject({ sent: 1, cancelled: 1 });
    expect((await outboxFor(user.email)).map((r) => r.status)).toEqual(["CANCELLED", "SENT"]);
  });

  it("puts List-Unsubscribe and List-Unsubscribe-Post on reminders and digests, not on an invitation; the header's URL unsubscribes", async () => {
    const { school, user } = await person();
    const ids = await db.$transaction(async (tx) => [
      await enqueueMail(tx, { kind: "REMINDER", to: user.email, userId: user.id, payload: reminder(user.name) }),
      await enqueueMail(tx, { kind: "SCHOOL_DIGEST", to: user.email, userId: user.id, organisationId: school.id, payload: digest(school.id) }),
      await enqueueMail(tx, {
        kind: "INVITATION", to: user.email, userId: user.id, organisationId: school.id, secret: "invite-token",
        payload: { organisationName: "Settings School", inviterName: "Pat Head", email: user.email, expiresAt: new Date().toISOString() },
      }),
    ]);
    expect(await sendNow(ids)).toMatchObject({ sent: 3 });

    // Told apart by kind rather than subject, which the templates' owners may reword.
    await expect.poll(async () => (await mailTo(user.email)).length).toBe(3);
    const received = await mailTo(user.email);
    const ofKind = (kind: string) => received.find((m) => m.headers["x-schoot-kind"] === kind)!;
    const [remindMail, digestMail, invitationMail] = [ofKind("REMINDER"), ofKind("SCHOOL_DIGEST"), ofKind("INVITATION")];
    for (const [mail, list] of [[remindMail, "reminders"], [digestMail, "digest"]] as const) {
      expect(mail.headers["list-unsubscribe"]).toBe(`<${unsubscribeUrl(base(), user.id, list)}>`);
      expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }
    expect(base()).toMatch(/^https?:\/\//);
    expect(invitationMail.headers["list-unsubscribe"]).toBeUndefined();
    expect(invitationMail.headers["list-unsubscribe-post"]).toBeUndefined();

    // The mail client's one click: POST the header's URL with the header's body, and nothing else.
    const url = /^<(.+)>$/.exec(remindMail.headers["list-unsubscribe"]!)![1]!;
    const answer = await oneClick(url, { body: digestMail.headers["list-unsubscribe-post"]! });
    expect(answer.status).toBe(200);
    expect(await settingsOf(user.id)).toEqual({ emailReminders: false, emailDigest: true });
  });
});
