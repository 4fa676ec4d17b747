// The messages about accounts: an invitation, the link that proves an address, the answer to an address that
// already has an account, a password reset. Each has one link, to the app's own URL. They always go: no
// setting turns them off, and they carry no List-Unsubscribe (each is one message the person asked for, or
// an invitation an Administrator sent).
import { formatDate } from "../../format";
import { button, heading, note, paragraph, type Message } from "../message";

export type InvitationPayload = { organisationName: string; inviterName: string | null; email: string; expiresAt: string };
export type VerificationPayload = { organisationName: string; email: string };
export type AccountExistsPayload = { organisationName: string; email: string };
export type PasswordResetPayload = { name: string; email: string };
/**
 * A staff list added the person to an organisation: a new account with no password yet. With a password
 * allowed, the link (a password-reset token that lasts a week) lets them choose one; where the organisation
 * requires Microsoft or Google, the link is the sign-in page and `providers` names the buttons to use.
 */
export type StaffAddedPayload = {
  organisationName: string; adderName: string | null; name: string; email: string;
  passwordAllowed: boolean; providers: string[]; expiresAt: string | null;
};

export function invitationMessage(p: InvitationPayload, token: string, appUrl: string): Message {
  const who = p.inviterName ? `${p.inviterName} has invited you` : "You have been invited";
  return {
    subject: `Join ${p.organisationName} on Schoot`,
    preview: `${who} to join ${p.organisationName} on Schoot trust progress.`,
    blocks: [
      heading(`Join ${p.organisationName}`),
      paragraph(`${who} to join ${p.organisationName} on Schoot trust progress, where you take your professional-development courses and see your progress.`),
      button("Accept the invitation", `${appUrl}/invite/${token}`),
      note(`The invitation is for ${p.email} and works until ${formatDate(new Date(p.expiresAt))}. If you were not expecting it, you can ignore this email.`),
    ],
    footer: `Sent by Schoot trust progress for ${p.organisationName}.`,
  };
}

export function verificationMessage(p: VerificationPayload, token: string, appUrl: string): Message {
  return {
    subject: `Confirm your email address to join ${p.organisationName}`,
    preview: `Confirm that ${p.email} is yours, then choose your password.`,
    blocks: [
      heading("Confirm your email address"),
      paragraph(`You asked to join ${p.organisationName} on Schoot trust progress as ${p.email}. Confirm the address is yours, then choose your name and password.`),
      button("Confirm my address", `${appUrl}/confirm-email/${token}`),
      note("The link works once, for 24 hours. If you did not ask to join, ignore this email: nothing happens without it."),
    ],
    footer: `Sent by Schoot trust progress for ${p.organisationName}.`,
  };
}

export function accountExistsMessage(p: AccountExistsPayload, invitationToken: string, appUrl: string): Message {
  const back = encodeURIComponent(`/invite/${invitationToken}`);
  return {
    subject: "You already have a Schoot account",
    preview: `Sign in as ${p.email} to join ${p.organisationName}.`,
    blocks: [
      heading("You already have an account"),
      paragraph(`Someone asked to make a new account for ${p.email} to join ${p.organisationName}. There is already a Schoot account for this address: sign in to accept the invitation.`),
      button("Sign in to accept", `${appUrl}/sign-in?callbackUrl=${back}`),
      note("Forgotten your password? Choose \u201cForgot your password?\u201d on the sign-in page. If you did not ask, ignore this email: nothing has changed."),
    ],
    footer: `Sent by Schoot trust progress for ${p.organisationName}.`,
  };
}

export function passwordResetMessage(p: PasswordResetPayload, token: string, appUrl: string): Message {
  return {
    subject: "Reset your Schoot password",
    preview: "Choose a new password. The link works once, for an hour.",
    blocks: [
      heading("Reset your password"),
      paragraph(`Hello ${p.name}, someone asked to reset the password of ${p.email} on Schoot trust progress. If it was you, choose a new password.`),
      button("Choose a new password", `${appUrl}/reset-password/${token}`),
      note("The link works once, for an hour. Choosing a new password signs you out on every other device. If you did not ask, ignore this email: your password has not changed."),
    ],
    footer: "Sent by Schoot trust progress.",
  };
}

export function staffAddedMessage(p: StaffAddedPayload, token: string | null, appUrl: string): Message {
  const who = p.adderName ? `${p.adderName} has added you` : "You have been added";
  const withProvider = p.providers.length ? `Sign in with ${p.providers.join(" or ")}` : null;
  const passwordLink = p.passwordAllowed && token;
  return {
    subject: `You have been added to ${p.organisationName} on Schoot`,
    preview: `${who} to ${p.organisationName}'s staff on Schoot trust progress.`,
    blocks: [
      heading(`Welcome to ${p.organisationName}`),
      paragraph(`Hello ${p.name}, ${p.adderName ? `${p.adderName} has added you` : "you have been added"} to ${p.organisationName}'s staff on Schoot trust progress, where you take your professional-development courses and see your progress.`),
      passwordLink
        ? button("Choose your password", `${appUrl}/reset-password/${token}`)
        : button(withProvider ?? "Sign in", `${appUrl}/sign-in`),
      note(
        passwordLink
          ? `The link is for ${p.email} and works once, until ${formatDate(new Date(p.expiresAt ?? Date.now()))}.${withProvider ? ` You can also ${withProvider.charAt(0).toLowerCase()}${withProvider.slice(1)} on the sign-in page, using ${p.email}.` : ""} If you do not work at ${p.organisationName}, tell the school.`
          : `Use ${p.email}. If you do not work at ${p.organisationName}, tell the school.`,
      ),
    ],
    footer: `Sent by Schoot trust progress for ${p.organisationName}.`,
  };
}
