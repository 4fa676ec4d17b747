import { describe, expect, it } from "vitest";
import { button, heading, linksOf, paragraph, renderHtml, renderText, table, type Message } from "./message";
import { accountExistsMessage, invitationMessage, passwordResetMessage, staffAddedMessage, verificationMessage } from "./templates/accounts";

const app = "https://schoot.example.org";

describe("a message's two versions", () => {
  const message: Message = {
    subject: "Join <Riverside> & co",
    preview: "preview",
    blocks: [heading("Join <b>Riverside</b>"), paragraph(`O'Brien said "hi" & left`), table(["Name", "Due"], [["<i>Ann</i>", "1 Dec 2026"]]), button("Open", `${app}/x?a=1&b=2`)],
    footer: "Sent by Schoot.",
  };

  it("escape what people typed in the HTML, and keep it as typed in the text", () => {
    const html = renderHtml(message);
    expect(html).not.toContain("<b>Riverside</b>");
    expect(html).toContain("Join &lt;b&gt;Riverside&lt;/b&gt;");
    expect(html).toContain("O&#39;Brien said &quot;hi&quot; &amp; left");
    expect(html).toContain("&lt;i&gt;Ann&lt;/i&gt;");
    expect(html).toContain(`href="${app}/x?a=1&amp;b=2"`);
    const text = renderText(message);
    expect(text).toContain(`O'Brien said "hi" & left`);
    expect(text).toContain(`Open:\n${app}/x?a=1&b=2`);
    expect(text).toContain("<i>Ann</i> | 1 Dec 2026");
  });
});

const staffAdded = {
  organisationName: "Riverside Primary Academy", adderName: "Ruth Head", name: "Nia New", email: "nia@school.example",
  passwordAllowed: true, providers: ["Microsoft"], expiresAt: "2026-12-07T10:00:00Z",
};

describe("the account messages", () => {
  const cases: [string, Message, string][] = [
    ["invitation", invitationMessage({ organisationName: "Riverside Primary Academy", inviterName: "Ruth Head", email: "new@school.example", expiresAt: "2026-12-07T10:00:00Z" }, "tok", app), `${app}/invite/tok`],
    ["verification", verificationMessage({ organisationName: "Riverside Primary Academy", email: "new@school.example" }, "tok", app), `${app}/confirm-email/tok`],
    ["account exists", accountExistsMessage({ organisationName: "Riverside Primary Academy", email: "new@school.example" }, "tok", app), `${app}/sign-in?callbackUrl=%2Finvite%2Ftok`],
    ["password reset", passwordResetMessage({ name: "Pat", email: "pat@school.example" }, "tok", app), `${app}/reset-password/tok`],
    ["staff added", staffAddedMessage(staffAdded, "tok", app), `${app}/reset-password/tok`],
    ["staff added, provider required", staffAddedMessage({ ...staffAdded, passwordAllowed: false, expiresAt: null }, null, app), `${app}/sign-in`],
  ];

  it.each(cases)("%s: exactly one link, to the app's own URL, the same in both versions", (_name, message, link) => {
    expect(linksOf(message)).toEqual([link]);
    expect(renderText(message)).toContain(link);
    expect([...renderHtml(message).matchAll(/href="/g)]).toHaveLength(1);
  });

  it("name the school, and the invitation's address and last day", () => {
    const [, invitation] = cases[0]!;
    const text = renderText(invitation);
    expect(invitation.subject).toBe("Join Riverside Primary Academy on Schoot");
    expect(text).toContain("Ruth Head has invited you to join Riverside Primary Academy");
    expect(text).toContain("new@school.example");
    expect(text).toContain("7 Dec 2026");
  });
});

describe("the staff list's welcome", () => {
  it("says who added the person to which school, and how they sign in", () => {
    const withPassword = renderText(staffAddedMessage(staffAdded, "tok", app));
    expect(withPassword).toContain("Hello Nia New, Ruth Head has added you to Riverside Primary Academy's staff");
    expect(renderText(staffAddedMessage({ ...staffAdded, adderName: null }, "tok", app))).toContain("Hello Nia New, you have been added to Riverside");
    expect(withPassword).toContain("Choose your password");
    expect(withPassword).toContain("until 7 Dec 2026");
    expect(withPassword).toContain("You can also sign in with Microsoft on the sign-in page, using nia@school.example.");
    const required = staffAddedMessage({ ...staffAdded, passwordAllowed: false, providers: ["Microsoft", "Google"], expiresAt: null }, null, app);
    expect(renderText(required)).toContain("Sign in with Microsoft or Google");
    expect(renderText(required)).not.toContain("password");
  });
});
