import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { currentMemberScope, withPermission } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { previewStaffImport } from "@/lib/staff-import";

/**
 * The kept upload as the viewer's current organisation's Administrator may see it, worked out against today's
 * staff; cached for the request (the layout decides not-found, the page renders the same answer). Anything
 * else (a Member, another organisation's upload, an unknown or expired id, a malformed one) is not found,
 * exactly like an id that does not exist.
 */
export const loadStaffImport = cache(async (importId: string) => {
  const viewer = await requireViewer();
  const manager = withPermission(await currentMemberScope(viewer), "colleagues.manage");
  if (!manager || !z.uuid().safeParse(importId).success) notFound();
  try {
    const preview = await previewStaffImport(viewer.id, { organisationId: manager.organisationId, importId });
    return { manager, importId, ...preview };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
