"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction, authFileAction } from "@/lib/action";
import { ActionError, NotFoundError } from "@/lib/errors";
import { sendSoon } from "@/lib/mail/send-soon";
import { applyStaffImport, MAX_BYTES, uploadStaffList } from "@/lib/staff-import";
import { FIX_OR_SKIP, STAFF_LIST_FIELD, importPath, tooLargeMessage } from "./words";

// Thin wrappers: the rules (the caller's role read in the transaction, tenant scoping, the last Administrator,
// the preview's fingerprint, the audit rows) live in lib/staff-import.

const MY_SCHOOL = "/workplace/my-school";

const CSV_TYPES = new Set(["", "text/csv", "text/plain", "text/comma-separated-values", "application/csv", "application/vnd.ms-excel"]);

/** What the browser sent as the staff list: one non-empty CSV within the size limit, read by its name and type. */
const staffListFile = z
  .file({ error: "Choose the staff list file to upload." })
  .refine((file) => file.size > 0 || file.name !== "", "Choose the staff list file to upload.")
  .refine((file) => !/\.xlsx?$|\.xlsm$|\.ods$|\.numbers$/i.test(file.name), {
    message: "This is a spreadsheet, not a CSV. In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)” and upload that file.",
    abort: true,
  })
  .refine((file) => /\.(csv|txt)$/i.test(file.name) || CSV_TYPES.has(file.type), { message: "Choose a CSV file (.csv), for example one saved from Excel as “CSV UTF-8”.", abort: true })
  .refine((file) => file.size > 0, { message: "This file is empty.", abort: true })
  .refine((file) => file.size <= MAX_BYTES, tooLargeMessage(MAX_BYTES));

const uploadStaffListInput = z.object({
  organisationId: z.uuid(),
  [STAFF_LIST_FIELD]: staffListFile,
});

/** The file's own name, as a person would recognise it, with nothing a database or a page should not hold. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean || "staff-list.csv";
}

export const uploadStaffListAction = authFileAction(STAFF_LIST_FIELD, uploadStaffListInput, async function uploadStaffListFile(input, { viewer }) {
  const file = input[STAFF_LIST_FIELD];
  const result = await uploadStaffList(viewer.id, { organisationId: input.organisationId, fileName: displayName(file.name), bytes: new Uint8Array(await file.arrayBuffer()) });
  if ("fileProblem" in result) return { errors: { [STAFF_LIST_FIELD]: [result.fileProblem] } };
  redirect(importPath(result.importId));
});

const confirmStaffImportInput = z.object({
  organisationId: z.uuid(),
  importId: z.uuid(),
  fingerprint: z.string().min(1).max(500),
  removeLeavers: z.literal("on").optional(),
  skipProblems: z.literal("on").optional(),
  /** How many rows with problems the preview showed: only to say so beside the tick; the import itself refuses too. */
  problemRows: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const confirmStaffImportAction = authAction(confirmStaffImportInput, async function confirmStaffImport(input, { viewer }) {
  if (input.problemRows > 0 && !input.skipProblems) return { errors: { skipProblems: [FIX_OR_SKIP] } };
  let outboxIds: string[];
  try {
    ({ outboxIds } = await applyStaffImport(viewer.id, {
      organisationId: input.organisationId,
      importId: input.importId,
      fingerprint: input.fingerprint,
      removeLeavers: input.removeLeavers === "on",
      skipProblems: input.skipProblems === "on",
    }));
  } catch (error) {
    // Refused (the staff changed since the preview…): the message goes at the top of a fresh preview.
    if (error instanceof ActionError && !(error instanceof NotFoundError)) {
      revalidatePath(importPath(input.importId));
      return { message: error.message };
    }
    throw error;
  }
  sendSoon(outboxIds); // committed: the welcome emails and invitations go now rather than at the next cron run
  revalidatePath(MY_SCHOOL);
  redirect(importPath(input.importId));
});
