// Reminders and weekly digests: first versions, owned and finished by the reminders-and-digests work.
import { button, heading, paragraph, type Message } from "../message";

export type ReminderPayload = { name: string; schoolName: string; items: { course: string; line: string }[] };
export type SchoolDigestPayload = { schoolId: string; schoolName: string; summary: string };
export type TrustDigestPayload = { trustId: string; trustName: string; summary: string };

export function reminderMessage(p: ReminderPayload, appUrl: string): Message {
  return {
    subject: `Required training: ${p.items.map((i) => i.course).join(", ")}`,
    preview: p.items.map((i) => i.line).join(" "),
    blocks: [heading("Required training"), ...p.items.map((i) => paragraph(`${i.course}: ${i.line}`)), button("Open My Courses", `${appUrl}/courses/my-courses`)],
    footer: `Sent by Schoot trust progress for ${p.schoolName}.`,
  };
}

export function schoolDigestMessage(p: SchoolDigestPayload, appUrl: string): Message {
  return {
    subject: `${p.schoolName}: this week's required training`,
    preview: p.summary,
    blocks: [heading(p.schoolName), paragraph(p.summary), button("Open the progress view", `${appUrl}/courses/progress/${p.schoolId}`)],
    footer: `Sent by Schoot trust progress to ${p.schoolName}'s Administrators.`,
  };
}

export function trustDigestMessage(p: TrustDigestPayload, appUrl: string): Message {
  return {
    subject: `${p.trustName}: this week's compliance by school`,
    preview: p.summary,
    blocks: [heading(p.trustName), paragraph(p.summary), button("Open the trust overview", `${appUrl}/courses/overview/${p.trustId}`)],
    footer: `Sent by Schoot trust progress to ${p.trustName}'s MAT leads.`,
  };
}
