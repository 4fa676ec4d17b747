import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { unique } from "./helpers";
import { outboxFor, sendNow, waitForMailTo } from "./mail-helpers";

const payload = (email: string) => ({ name: "Pat Reset", email });

describe("the outbox", () => {
  it("sends a message written in a committed transaction, over SMTP, with its link and no secret left behind", async () => {
    const to = `${unique("outbox")}@test.example`;
    const id = await db.$transaction((tx) => enqueueMail(tx, { kind: "PASSWORD_RESET", to, payload: payload(to), secret: "token-abc" }));
    const report = await sendNow([id]);
    expect(report.sent).toBe(1);
    const mail = await waitForMailTo(to, /Reset your Schoot password/);
    expect(mail.links).toEqual([`${process.env.APP_URL}/reset-password/token-abc`]);
    expect(mail.text).toContain(`${process.env.APP_URL}/reset-password/token-abc`);
    const [row] = await outboxFor(to);
    expect(row).toMatchObject({ status: "SENT", secret: null, attempts: 1 });
  });
});
