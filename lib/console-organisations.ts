import "server-only";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { Designation, OrganisationKind } from "./generated/prisma/enums";
import { kindLabels } from "./labels";
import { assertSupport } from "./support";

/*
 * Schoot support creates organisations and sets their kind (product.md). The kind decides who may choose
 * whom: only a School chooses a Multi Academy Trust, only a Trust is chosen. A change that would break that
 * (a school with a trust becoming a trust, a chosen trust becoming a school) is refused with the fix, and the
 * database refuses it too (the organisation_kind migration's CHECK and trigger).
 */

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).transform((value) => value || null);

export const createOrganisationInput = z
  .object({
    name: z.string().trim().min(2, "Enter the organisation's name").max(200, "Keep the name under 200 characters"),
    kind: z.enum(OrganisationKind, "Choose School or Trust"),
    designation: z.enum(Designation, "Choose a designation"),
    urn: optionalText(10, "A URN has at most 10 digits").refine((v) => v === null || /^\d{5,10}$/.test(v), "A URN is 5 to 10 digits, like 140101"),
    companiesHouseNumber: optionalText(10, "A Companies House number has 8 characters")
      .transform((v) => v?.replace(/\s+/g, "").toUpperCase() ?? null)
      .refine((v) => v === null || /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(v), "A Companies House number is 8 characters, like 07654321 or SC123456"),
    address: optionalText(300, "Keep the address under 300 characters"),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "TRUST" && input.urn) ctx.addIssue({ code: "custom", path: ["urn"], message: "A trust has no URN: leave it empty, or choose School" });
    if (input.kind === "SCHOOL" && input.companiesHouseNumber) {
      ctx.addIssue({ code: "custom", path: ["companiesHouseNumber"], message: "Enter a Companies House number for a trust only" });
    }
  });

export async function createOrganisation(actorId: string, input: z.output<typeof createOrganisationInput>): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    await assertSupport(tx, actorId);
    const clash = await tx.organisation.findFirst({
      where: { OR: [...(input.urn ? [{ urn: input.urn }] : []), ...(input.companiesHouseNumber ? [{ companiesHouseNumber: input.companiesHouseNumber }] : [])] },
      select: { name: true, urn: true },
    });
    if (clash && (input.urn || input.companiesHouseNumber)) {
      throw new ActionError(`${clash.name} already has that ${clash.urn && clash.urn === input.urn ? "URN" : "Companies House number"}.`);
    }
    // The check above reads before the insert: two creations racing for one number meet the unique index here.
    const organisation = await tx.organisation.create({ data: input, select: { id: true, name: true } }).catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ActionError("Another organisation already has that URN or Companies House number.");
      throw error;
    });
    await writeAudit(tx, {
      actorId, action: "organisation.created", organisationId: organisation.id, targetType: "Organisation", targetId: organisation.id,
      before: null, after: { ...input },
    });
    return organisation;
  });
}

export const changeKindInput = z.object({
  organisationId: z.uuid(),
  /** What the form showed: a change made meanwhile by someone else is refused rather than overwritten. */
  expectedKind: z.enum(OrganisationKind),
  kind: z.enum(OrganisationKind, "Choose School or Trust"),
  reason: z.string().trim().min(1, "Enter the reason for the change").max(500, "Keep the reason under 500 characters"),
});

export async function changeKind(actorId: string, input: z.output<typeof changeKindInput>): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    await assertSupport(tx, actorId);
    // Locked, so a school choosing this organisation meanwhile waits and then meets the new kind.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organisation" WHERE id = ${input.organisationId}::uuid FOR UPDATE`;
    if (!locked.length) throw new NotFoundError();
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: input.organisationId },
      select: { id: true, name: true, kind: true, trust: { select: { name: true } }, _count: { select: { schools: true } } },
    });
    if (organisation.kind !== input.expectedKind) {
      throw new ActionError(`${organisation.name} was changed meanwhile to a ${kindLabels[organisation.kind].toLowerCase()}. Check it and try again.`);
    }
    if (organisation.kind === input.kind) throw new ActionError(`${organisation.name} is already a ${kindLabels[input.kind].toLowerCase()}.`);
    if (input.kind === "TRUST" && organisation.trust) {
      throw new ActionError(`${organisation.name} has chosen ${organisation.trust.name} as its Multi Academy Trust, and a trust chooses none. Ask the school to remove its choice first.`);
    }
    if (input.kind === "SCHOOL" && organisation._count.schools > 0) {
      throw new ActionError(`${organisation._count.schools} school(s) have chosen ${organisation.name} as their Multi Academy Trust, and a school cannot be chosen. They must choose another trust or remove their choice first.`);
    }
    await tx.organisation.update({ where: { id: organisation.id }, data: { kind: input.kind } });
    await writeAudit(tx, {
      actorId, action: "organisation.kind_changed", organisationId: organisation.id, targetType: "Organisation", targetId: organisation.id,
      before: { kind: organisation.kind }, after: { kind: input.kind, reason: input.reason },
    });
    return { name: organisation.name };
  });
}
