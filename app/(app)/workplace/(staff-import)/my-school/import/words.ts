// Shared by the import's server actions, its pages and the upload form (so nothing here is server-only).

/** The file input's name on the upload form, and the only field the upload action takes a file from. */
export const STAFF_LIST_FIELD = "staffList";

export function importPath(importId: string): string {
  return `/workplace/my-school/import/${importId}`;
}

export function tooLargeMessage(maxBytes: number): string {
  return `The file is larger than ${maxBytes / 1024 / 1024} MB. Remove columns other than name, email, role and start date, or split the list.`;
}
