"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction } from "@/lib/action";
import { ActionError, FieldError, NotFoundError } from "@/lib/errors";
import { typedValues } from "@/lib/form-state";
import { sendSoon } from "@/lib/mail/send-soon";
import { applyStaffImport, MAX_BYTES, uploadStaffList } from "@/lib/staff-import";
import { STAFF_LIST_FIELD, importPath, tooLargeMessage } from "./words";

// Thin wrappers: the rules (the caller's role read in the transaction, tenant scoping, the last Administrator,
// the preview's fingerprint, the problem rows, the audit rows) live in lib/staff-import.

const MY_SCHOOL = "/workplace/my-school";

const CHOOSE_A_FILE = "Choose the staff list file to upload.";
const CSV_TYPES = new Set(["", "text/csv", "text/plain", "text/comma-separated-values", "application/csv", "application/vnd.ms-excel"]);

/**
 * What the browser sent as the staff list: one CSV within the size limit, judged by its name and type before
 * its bytes are read (the import then reads them: encoding, columns, rows). A workbook is told how to save a CSV.
 */
const staffListFile = z
  .file({ error: CHOOSE_A_FILE })
  .refine((file) => file.size > 0 || file.name !== "", { message: CHOOSE_A_FILE, abort: true })
  .refine((file) => !/\.(xlsx|xlsm|xls|ods|numbers)$/i.test(file.name), {
    message: "This is a spreadsheet, not a CSV file. In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”, then upload that file.",
    abort: true,
  })
  .refine((file) => /\.(csv|txt)$/i.test(file.name) || CSV_TYPES.has(file.type), { message: "Choose a CSV file (.csv), for example one saved from Excel as “CSV UTF-8”.", abort: true })
  .refine((file) => file.size > 0, { message: "The file is empty.", abort: true })
  .refine((file) => file.size <= MAX_BYTES, tooLargeMessage(MAX_BYTES));

const uploadStaffListInput = z.object({ organisationId: z.uuid() });

/** The file's own name, as a person would recognise it, with nothing a database or a page should not hold. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "staff-list.csv";
}

export const uploadStaffListAction = authAction(
  uploadStaffListInput,
  async function uploadStaffListFile(input, { viewer, formData }) {
    const file = staffListFile.safeParse(formData.get(STAFF_LIST_FIELD));
    if (!file.success) return { errors: { [STAFF_LIST_FIELD]: [file.error.issues[0]!.message] } };
    const bytes = new Uint8Array(await file.data.arrayBuffer());
    const result = await uploadStaffList(viewer.id, { organisationId: input.organisationId, fileName: displayName(file.data.name), bytes });
    if (result.fileProblem !== undefined) return { errors: { [STAFF_LIST_FIELD]: [result.fileProblem] } };
    redirect(importPath(result.importId));
  },
  { files: [STAFF_LIST_FIELD] },
);

const confirmStaffImportInput = z.object({
  organisationId: z.uuid(),
  importId: z.uuid(),
  fingerprint: z.string().min(1).max(200),
  removeLeavers: z.literal("on").optional(),
  skipProblems: z.literal("on").optional(),
});

export const confirmStaffImportAction = authAction(confirmStaffImportInput, async function confirmStaffImport(input, { viewer, formData }) {
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
    // The problem rows not skipped: said next to the tick, where the person is (the page's message is at the top).
    if (error instanceof FieldError) return { errors: { [error.field]: [error.message] }, values: typedValues(formData) };
    // Refused as a whole (the staff changed since the preview…): the message goes above the preview, worked out again.
    if (error instanceof ActionError && !(error instanceof NotFoundError)) {
      revalidatePath(importPath(input.importId));
      return { message: error.message, values: typedValues(formData) };
    }
    throw error;
  }
  sendSoon(outboxIds); // committed: the welcome emails and invitations go now rather than at the next cron run
  revalidatePath(MY_SCHOOL);
  redirect(importPath(input.importId));
});
