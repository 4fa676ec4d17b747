// The outbox on a real PostgreSQL and real SMTP servers (scripts/local-mail.ts): written in the change's
// transaction, sent once however many senders run, retried after a failure, given up with the reason.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { GET as cronGet } from "@/app/api/cron/mail/route";
import { db } from "@/lib/db";
import { CLAIM_MS, deliverMail, enqueueMail, MAX_ATTEMPTS, retryDelayMs } from "@/lib/mail/outbox";
import { readMailbox } from "@/lib/mail/mailbox";
import { seal, unseal, UnreadableSecret } from "@/lib/mail/seal";
import { startLocalMailServer, type LocalMailServer } from "@/scripts/local-mail";
import { unique } from "./helpers";
import { mailTo, outboxFor, sendNow, waitForMailTo } from "./mail-helpers";

const reset = (to: string, secret = "token-abc") => ({ kind: "PASSWORD_RESET" as const, to, payload: { name: "Pat Reset", email: to }, secret });
const address = (label: string) => `${unique(label)}@test.example`;

const servers: LocalMailServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

/** A second local SMTP server whose answer to each message the test decides. */
async function refusingServer(answers: ({ code: number; message: string } | null)[]) {
  const server = await startLocalMailServer({ dir: mkdtempSync(path.join(tmpdir(), "schoot-refusing-")), refuse: () => answers.shift() ?? null });
  servers.push(server);
  return { server, transport: nodemailer.createTransport(server.url) };
}

describe("the outbox", () => {
  it("sends a message written in a committed transaction, over SMTP, with its one link, and erases the token", async () => {
    const to = address("outbox");
    const id = await db.$transaction((tx) => enqueueMail(tx, reset(to)));
    const [pending] = await outboxFor(to);
    expect(pending!.secret).not.toContain("token-abc"); // sealed while it waits
    expect(await sendNow([id])).toMatchObject({ sent: 1 });
    const mail = await waitForMailTo(to, /Reset your Schoot password/);
    expect(mail.links).toEqual([`${process.env.APP_URL}/reset-password/token-abc`]);
    expect(mail.text).toContain(`${process.env.APP_URL}/reset-password/token-abc`);
    expect(mail.headers["message-id"]).toBe(`<${id}@schoot.mail>`);
    expect(mail.headers["list-unsubscribe"]).toBeUndefined(); // a reset always goes: nothing to unsubscribe from
    const [row] = await outboxFor(to);
    expect(row).toMatchObject({ status: "SENT", secret: null, attempts: 1, lastError: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it("writes nothing when the change's transaction rolls back", async () => {
    const to = address("rollback");
    await expect(db.$transaction(async (tx) => {
      await enqueueMail(tx, reset(to));
      throw new Error("the change failed after its message was written");
    })).rejects.toThrow("the change failed");
    expect(await outboxFor(to)).toEqual([]);
  });

  it("sends each message exactly once when two senders run at the same moment", async () => {
    const to = Array.from({ length: 40 }, (_, i) => address(`race-${i}`));
    const ids = await db.$transaction((tx) => Promise.all(to.map((t) => enqueueMail(tx, reset(t, `t-${t}`)))));
    // Two cron passes (and an after()) at once, claiming in small batches so they interleave. They are kept to
    // this test's messages (ids), so what other tests left in the outbox does not slow them down.
    const reports = await Promise.all([deliverMail({ ids, batch: 3 }), deliverMail({ ids, batch: 3 }), deliverMail({ ids: ids.slice(0, 10), batch: 3 })]);
    const sentByUs = await db.outboxMessage.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true } });
    expect(sentByUs.every((m) => m.status === "SENT" && m.attempts === 1)).toBe(true);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(40);
    expect(reports.every((r) => r.sent > 0), "the senders really ran side by side").toBe(true);
    for (const t of to) {
      const received = await mailTo(t);
      expect(received, t).toHaveLength(1);
    }
  });

  it("retries after an SMTP failure, with backoff, and then sends", async () => {
    const to = address("retry");
    const { server, transport } = await refusingServer([{ code: 451, message: "4.3.0 Try again later" }]);
    const id = await db.$transaction((tx) => enqueueMail(tx, reset(to)));
    const t0 = new Date();
    const first = await deliverMail({ ids: [id], transport, now: () => t0 });
    expect(first).toMatchObject({ retrying: 1, sent: 0 });
    let [row] = await outboxFor(to);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row!.lastError).toContain("Try again later");
    expect(row!.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(row!.secret).not.toBeNull(); // kept for the next attempt

    // Not due yet: nothing happens.
    expect(await deliverMail({ ids: [id], transport, now: () => new Date(t0.getTime() + 30_000) })).toMatchObject({ claimed: 0 });
    // Due: sent.
    expect(await deliverMail({ ids: [id], transport, now: () => new Date(t0.getTime() + retryDelayMs(1) + 1) })).toMatchObject({ sent: 1 });
    [row] = await outboxFor(to);
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lastError: null, secret: null });
    expect(await readMailbox(server.dir, { to })).toHaveLength(1);
    expect(retryDelayMs(1)).toBeLessThan(retryDelayMs(2));
    expect(retryDelayMs(7)).toBe(retryDelayMs(20));
  });

  it("gives up at once on a permanent refusal, and records why", async () => {
    const to = address("refused");
    const { transport } = await refusingServer([{ code: 550, message: "5.1.1 No such mailbox" }]);
    const id = await db.$transaction((tx) => enqueueMail(tx, reset(to)));
    expect(await deliverMail({ ids: [id], transport })).toMatchObject({ failed: 1 });
    const [row] = await outboxFor(to);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, secret: null });
    expect(row!.lastError).toContain("No such mailbox");
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts that keep failing`, async () => {
    const to = address("give-up");
    const { transport } = await refusingServer(Array.from({ length: MAX_ATTEMPTS }, () => ({ code: 421, message: "4.7.0 Busy" })));
    const id = await db.$transaction((tx) => enqueueMail(tx, reset(to)));
    let clock = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverMail({ ids: [id], transport, now: () => new Date(clock) });
      clock += retryDelayMs(attempt) + 1;
    }
    const [row] = await outboxFor(to);
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
  });

  it("takes back a message whose sender died holding it, once its claim has lapsed", async () => {
    const to = address("lapsed");
    const id = await db.$transaction((tx) => enqueueMail(tx, reset(to)));
    const now = new Date();
    // A sender claimed it and vanished.
    await db.outboxMessage.update({ where: { id }, data: { status: "SENDING", attempts: 1, lockedUntil: new Date(now.getTime() + CLAIM_MS) } });
    expect(await deliverMail({ ids: [id], now: () => now })).toMatchObject({ claimed: 0 });
    expect(await deliverMail({ ids: [id], now: () => new Date(now.getTime() + CLAIM_MS + 1) })).toMatchObject({ sent: 1 });
    expect(await mailTo(to)).toHaveLength(1);
  });

  it("refuses a message of a kind with a link but no token, and a token where none belongs", async () => {
    const to = address("shape");
    await expect(db.$transaction((tx) => enqueueMail(tx, { kind: "PASSWORD_RESET", to, payload: { name: "x", email: to } }))).rejects.toThrow(/needs link token/);
    await expect(db.$transaction((tx) => enqueueMail(tx, { kind: "REMINDER", to, payload: { name: "x", schoolName: "y", items: [] } as never, secret: "s" }))).rejects.toThrow(/takes no link token/);
  });
});

describe("a digest sent late", () => {
  it("is not sent to someone who may no longer see what it summarises", async () => {
    const { makeOrganisation, makeUser } = await import("./helpers");
    const school = await makeOrganisation();
    const admin = await makeUser(school.id, "ADMINISTRATOR");
    const payload = {
      schoolId: school.id, schoolName: school.name, name: admin.name, weekOf: "2026-12-07", staff: 0, inDateStaff: 0,
      overdue: 0, overduePeople: [], joined: 0, joiners: [],
    };
    const write = () => db.$transaction((tx) => enqueueMail(tx, { kind: "SCHOOL_DIGEST", to: admin.email, userId: admin.id, organisationId: school.id, payload }));
    const first = await write();
    expect(await sendNow([first])).toMatchObject({ sent: 1 });
    // Written while they were an Administrator; they left before it went.
    const second = await write();
    await db.membership.deleteMany({ where: { userId: admin.id, organisationId: school.id } });
    expect(await sendNow([second])).toMatchObject({ cancelled: 1 });
    const rows = await outboxFor(admin.email);
    expect(rows.map((r) => r.status)).toEqual(["SENT", "CANCELLED"]);
    expect(rows[1]!.lastError).toBe("The person may no longer see this school's progress.");
  });
});

describe("sealed tokens", () => {
  it("open only with the same key, and never twice the same", () => {
    const a = seal("secret-token");
    expect(a).not.toBe(seal("secret-token"));
    expect(unseal(a)).toBe("secret-token");
    const [iv, tag, body] = a.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => unseal([iv, tag, flipped.toString("base64url")].join("."))).toThrow(UnreadableSecret);
  });
});

describe("the cron route", () => {
  const call = (authorization?: string) => cronGet(new Request("http://localhost/api/cron/mail", { headers: authorization ? { authorization } : {} }));

  it("refuses a call without the bearer token, or with a wrong one", async () => {
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong-secret-wrong-secret")).status).toBe(401);
    expect((await call(`Basic ${process.env.CRON_SECRET}`)).status).toBe(401);
  });

  it("with CRON_SECRET's bearer token, sends what is due and reports it", async () => {
    const to = address("cron");
    await db.$transaction((tx) => enqueueMail(tx, reset(to)));
    const response = await call(`Bearer ${process.env.CRON_SECRET}`);
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.delivery.sent).toBeGreaterThanOrEqual(1);
    expect(await mailTo(to)).toHaveLength(1);
  });
});

describe("the cron's housekeeping", () => {
  it("forgets sign-in attempts the throttle no longer reads, and keeps those it does", async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const email = address("attempts");
    const HOUR = 60 * 60_000;
    const DAY = 24 * HOUR;
    await db.signInAttempt.createMany({
      data: [
        { email, ip: "192.0.2.1", outcome: "FAILED", createdAt: ago(3 * HOUR) },
        { email, ip: "192.0.2.1", outcome: "THROTTLED", createdAt: ago(3 * HOUR) },
        { email, ip: "192.0.2.1", outcome: "FAILED", createdAt: ago(30 * 60_000) },
        { email, ip: "192.0.2.1", outcome: "SUCCEEDED", createdAt: ago(10 * DAY) },
        { email, ip: "192.0.2.1", outcome: "SUCCEEDED", createdAt: ago(91 * DAY) },
      ],
    });
    const { runMailCron } = await import("@/lib/mail/cron");
    const report = await runMailCron(now);
    expect(report.housekeeping.signInAttempts).toBeGreaterThanOrEqual(3);
    const left = await db.signInAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" }, select: { outcome: true } });
    expect(left.map((a) => a.outcome)).toEqual(["SUCCEEDED", "FAILED"]);
  });

  it("enrols anyone whose required training is not on their My Courses yet", async () => {
    const { makeCourse, makeOrganisation, makeUser } = await import("./helpers");
    const school = await makeOrganisation();
    const person = await makeUser(school.id);
    const course = await makeCourse(2);
    // A requirement whose enrolling after the change did not happen (it failed, or the instance stopped).
    await db.requirement.create({ data: { organisationId: school.id, courseId: course.id, dueKind: "WITHIN_DAYS", dueDays: 30 } });
    expect(await db.enrolment.count({ where: { userId: person.id } })).toBe(0);
    const { runMailCron } = await import("@/lib/mail/cron");
    const report = await runMailCron(new Date());
    expect(report.housekeeping.enrolled).toBeGreaterThanOrEqual(1);
    expect(await db.enrolment.count({ where: { userId: person.id, courseId: course.id } })).toBe(1);
  });
});
