// Which template renders which kind of message, and which list (for unsubscribing) it belongs to.
import type { MailKind } from "../../generated/prisma/enums";
import type { Message } from "../message";
import type { MailList } from "../unsubscribe";
import {
  accountExistsMessage, invitationMessage, passwordResetMessage, staffAddedMessage, verificationMessage,
  type AccountExistsPayload, type InvitationPayload, type PasswordResetPayload, type StaffAddedPayload, type VerificationPayload,
} from "./accounts";
import {
  reminderMessage, schoolDigestMessage, trustDigestMessage,
  type ReminderPayload, type SchoolDigestPayload, type TrustDigestPayload,
} from "./training";

export type Payloads = {
  INVITATION: InvitationPayload;
  EMAIL_VERIFICATION: VerificationPayload;
  ACCOUNT_EXISTS: AccountExistsPayload;
  PASSWORD_RESET: PasswordResetPayload;
  STAFF_ADDED: StaffAddedPayload;
  REMINDER: ReminderPayload;
  SCHOOL_DIGEST: SchoolDigestPayload;
  TRUST_DIGEST: TrustDigestPayload;
};

/** The kinds whose link carries a token (sealed in the outbox until sent). */
export const KINDS_WITH_SECRET = ["INVITATION", "EMAIL_VERIFICATION", "ACCOUNT_EXISTS", "PASSWORD_RESET"] as const satisfies MailKind[];
/** The kinds whose link may carry a token: a staff list's welcome has none where a provider is required. */
export const KINDS_WITH_OPTIONAL_SECRET = ["STAFF_ADDED"] as const satisfies MailKind[];

/** The kinds a person may turn off, by list; the others always go. */
export const LIST_OF: Partial<Record<MailKind, MailList>> = { REMINDER: "reminders", SCHOOL_DIGEST: "digest", TRUST_DIGEST: "digest" };

export function renderMessage<K extends MailKind>(kind: K, payload: Payloads[K], secret: string | null, appUrl: string): Message {
  const needSecret = (): string => {
    if (!secret) throw new Error(`A ${kind} message has no link token.`);
    return secret;
  };
  switch (kind) {
    case "INVITATION": return invitationMessage(payload as InvitationPayload, needSecret(), appUrl);
    case "EMAIL_VERIFICATION": return verificationMessage(payload as VerificationPayload, needSecret(), appUrl);
    case "ACCOUNT_EXISTS": return accountExistsMessage(payload as AccountExistsPayload, needSecret(), appUrl);
    case "PASSWORD_RESET": return passwordResetMessage(payload as PasswordResetPayload, needSecret(), appUrl);
    case "STAFF_ADDED": return staffAddedMessage(payload as StaffAddedPayload, secret, appUrl);
    case "REMINDER": return reminderMessage(payload as ReminderPayload, appUrl);
    case "SCHOOL_DIGEST": return schoolDigestMessage(payload as SchoolDigestPayload, appUrl);
    case "TRUST_DIGEST": return trustDigestMessage(payload as TrustDigestPayload, appUrl);
    default: throw new Error(`No template for ${kind satisfies never}`);
  }
}
