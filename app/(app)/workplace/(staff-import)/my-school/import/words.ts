// Shared by the import's server action, its pages and their client forms (so nothing here is server-only).

/** The file input's name on the upload form, and the field the upload action reads the file from. */
export const STAFF_LIST_FIELD = "staffList";

export const FIX_OR_SKIP = "Fix these rows and upload again, or tick to skip them.";

export function importPath(importId: string): string {
  return `/workplace/my-school/import/${importId}`;
}

export function tooLargeMessage(maxBytes: number): string {
  return `This file is larger than ${maxBytes / 1024 / 1024} MB. Keep only the name, email, role and start date columns, or split the list.`;
}
