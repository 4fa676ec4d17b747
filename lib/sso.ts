import "server-only";
import { z } from "zod";
import { requireMember, type PermittedScope } from "./access";
import { writeAudit } from "./audit";
import { db, type Tx } from "./db";
import { FieldError } from "./errors";
import { can } from "./permissions";
import { Prisma } from "./generated/prisma/client";
import type { SignInProvider } from "./generated/prisma/enums";
import { claimInvitation, joinOrganisation } from "./invitations";
import { logError } from "./log";
import { cleanPersonName } from "./person-name";
import { configuredProviders } from "./provider-env";
import { enrolRequired } from "./requirements/assign";

export { configuredProviders };

/*
 * Signing in with Microsoft or Google (issue 16), and the rules an organisation sets for it.
 *
 * - A provider's sign-in reaches an account through the provider's own id for the person (the ID token's
 *   subject), once linked. The link is made only through an address the provider says is verified: Google's
 *   `email_verified`; for Microsoft, whose `email` claim is whatever a tenant's administrator typed, only the
 *   `xms_edov` claim (the domain's owner verified it) or `email_verified`.
 * - A verified address of an existing account links to it (the same proof as a password-reset email). A verified
 *   address with no account gets one only through valid invitations to it, and joins those organisations: a new
 *   address joins no organisation by itself.
 * - A person's sign-in must satisfy every organisation they belong to, because one session sees all of them:
 *   a provider counts only if all of them allow it (and, where one limits it to its domains, the address is in
 *   them), and a password only if none of them requires a provider.
 */

export const PROVIDER_LABEL: Record<SignInProvider, "Microsoft" | "Google"> = { MICROSOFT: "Microsoft", GOOGLE: "Google" };
export const AUTH_PROVIDER_ID: Record<SignInProvider, "microsoft-entra-id" | "google"> = { MICROSOFT: "microsoft-entra-id", GOOGLE: "google" };
export const SIGN_IN_PROVIDERS: readonly SignInProvider[] = ["MICROSOFT", "GOOGLE"];

export function providerOfAuthId(id: string | undefined): SignInProvider | null {
  return SIGN_IN_PROVIDERS.find((p) => AUTH_PROVIDER_ID[p] === id) ?? null;
}

export type ProviderClaims = { provider: SignInProvider; subject: string; email: string | null; emailVerified: boolean; name: string | null };


/**
 * What the ID token says, read strictly. Microsoft's `email` claim is whatever a tenant's administrator typed:
 * only `xms_edov` (the domain's owner verified it) vouches for it. Google's `email_verified` vouches for a Gmail
 * address, and for any other only with `hd` naming its domain (a Workspace account of that domain): a consumer
 * Google account made years ago on a school address says "verified" of a mailbox that may have changed hands.
 */
export function claimsFromProfile(provider: SignInProvider, profile: Record<string, unknown>): ProviderClaims {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  const raw = text(profile.email)?.toLowerCase() ?? null;
  const email = raw && z.email().safeParse(raw).success && raw.length <= 254 ? raw : null;
  const domain = email ? domainOf(email) : null;
  const verified =
    provider === "GOOGLE"
      ? profile.email_verified === true && !!domain && (GMAIL.includes(domain) || text(profile.hd)?.toLowerCase() === domain)
      : profile.xms_edov === true || profile.xms_edov === "1";
  const name = cleanPersonName(text(profile.name) ?? "").slice(0, 100) || null;
  return { provider, subject: text(profile.sub) ?? "", email, emailVerified: verified, name };
}

const GMAIL = ["gmail.com", "googlemail.com"];

export type ProviderRefusal = "unverified" | "no-email" | "no-account" | "not-allowed" | "domain";
export type ProviderSignInResult = { ok: true; userId: string } | { ok: false; reason: ProviderRefusal };

export function providerRefusalMessage(provider: SignInProvider, reason: ProviderRefusal): string {
  const name = PROVIDER_LABEL[provider];
  switch (reason) {
    case "unverified":
      return `${name} did not confirm that the address you used is yours, so it cannot sign you in here. Sign in with your email and password, or ask your IT team to verify the address with ${name}.`;
    case "no-email":
      return `${name} did not tell us your email address, so we cannot find your account. Sign in with your email and password.`;
    case "no-account":
      return `There is no Schoot account for the address you used with ${name}. Ask an Administrator of your school to invite you or add you to its staff list, then try again.`;
    case "not-allowed":
      return `Your school does not allow sign-in with ${name}. Sign in with your email and password, or another way your school allows.`;
    case "domain":
      return `Your school allows sign-in with ${name} only for addresses at its own email domains. Use your school account, or sign in with your email and password.`;
  }
}

type Policy = { id: string; name: string; signInProviders: SignInProvider[]; providerSignInRequired: boolean; signInDomains: string[] };
const policySelect = { id: true, name: true, signInProviders: true, providerSignInRequired: true, signInDomains: true } as const;

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** Why these organisations' rules refuse this provider for this address, or null when all of them allow it. */
export function providerRefusalBy<P extends Rules>(policies: P[], provider: SignInProvider, email: string): { reason: "not-allowed" | "domain"; organisation: P } | null {
  for (const organisation of policies) {
    if (!organisation.signInProviders.includes(provider)) return { reason: "not-allowed", organisation };
    if (organisation.signInDomains.length && !organisation.signInDomains.includes(domainOf(email))) return { reason: "domain", organisation };
  }
  return null;
}

async function policiesOf(tx: Tx, userId: string): Promise<Policy[]> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { organisation: { select: policySelect } }, orderBy: { organisation: { name: "asc" } } });
  return memberships.map((m) => m.organisation);
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The whole linking rule for one provider sign-in, in one transaction (audited when it links or makes an account). */
export async function providerSignIn(claims: ProviderClaims, now = new Date()): Promise<ProviderSignInResult> {
  if (!claims.subject) return { ok: false, reason: "no-email" };
  try {
    return await linkOrRefuse(claims, now);
  } catch (error) {
    // Two callbacks for the same new person at once: the second finds what the first made.
    if (isUniqueViolation(error)) return linkOrRefuse(claims, now);
    throw error;
  }
}

async function linkOrRefuse(claims: ProviderClaims, now: Date): Promise<ProviderSignInResult> {
  const { provider, subject } = claims;
  const created = await db.$transaction(async (tx): Promise<ProviderSignInResult & { created?: boolean }> => {
    // 1. Linked before: the subject is the identity; the address the account has is what the domains check.
    const linked = await tx.providerAccount.findUnique({ where: { provider_subject: { provider, subject } }, select: { user: { select: { id: true, email: true } } } });
    if (linked) {
      const refusal = providerRefusalBy(await policiesOf(tx, linked.user.id), provider, linked.user.email);
      if (refusal) return { ok: false, reason: refusal.reason };
      await tx.providerAccount.update({ where: { provider_subject: { provider, subject } }, data: { lastSignInAt: now }, select: { userId: true } });
      return { ok: true, userId: linked.user.id };
    }
    // Nothing about any account is looked at until the provider has vouched for the address.
    if (!claims.email) return { ok: false, reason: "no-email" };
    if (!claims.emailVerified) return { ok: false, reason: "unverified" };
    const email = claims.email;

    // 2. An existing account with this address.
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, emailVerifiedAt: true, platformRole: true } });
    if (user) {
      // Schoot support's accounts belong to no organisation, so no rules would hold them: they use their password.
      if (user.platformRole !== "NONE") return { ok: false, reason: "not-allowed" };
      const refusal = providerRefusalBy(await policiesOf(tx, user.id), provider, email);
      if (refusal) return { ok: false, reason: refusal.reason };
      await tx.providerAccount.create({ data: { provider, subject, userId: user.id, email, createdAt: now, lastSignInAt: now } });
      // The provider vouched for the address: an account a staff list made is now the person's.
      if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now }, select: { id: true } });
      await writeAudit(tx, {
        actorId: user.id, action: "user.provider_linked", targetType: "User", targetId: user.id,
        after: { provider, email, verifiedAddress: !user.emailVerifiedAt },
      });
      return { ok: true, userId: user.id };
    }

    // 3. No account: only valid invitations to this address bring one in, to the organisations that allow this provider.
    const invitations = await tx.invitation.findMany({
      where: { email, acceptedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
      select: { id: true, organisationId: true, organisation: { select: policySelect } },
      orderBy: { createdAt: "asc" },
    });
    if (!invitations.length) return { ok: false, reason: "no-account" };
    const refusals = invitations.map((i) => providerRefusalBy([i.organisation], provider, email));
    const allowed = invitations.filter((_, n) => !refusals[n]);
    if (!allowed.length) return { ok: false, reason: refusals[0]!.reason };
    const name = claims.name ?? email.slice(0, email.indexOf("@"));
    const person = await tx.user.create({ data: { email, name, passwordHash: null, emailVerifiedAt: now, createdAt: now }, select: { id: true, name: true, email: true } });
    await tx.providerAccount.create({ data: { provider, subject, userId: person.id, email, createdAt: now, lastSignInAt: now } });
    await writeAudit(tx, { actorId: person.id, action: "user.created_with_provider", targetType: "User", targetId: person.id, after: { provider, email, name } });
    for (const invitation of allowed) {
      const claimed = await claimInvitation(tx, { id: invitation.id }, now);
      await joinOrganisation(tx, person, claimed);
    }
    return { ok: true, userId: person.id, created: true };
  });
  if (created.ok && created.created) await enrolRequired({ userIds: [created.userId] }); // after the commit, as an accepted invitation
  return created.ok ? { ok: true, userId: created.userId } : created;
}

/**
 * Null when the person may sign in with their password; else the sentence to show, naming the organisation
 * that requires a provider. Asked only after a correct password, so it tells nothing to someone who lacks it.
 * A requirement is not applied while this service has none of the organisation's providers set up: nobody
 * could sign in at all.
 */
export async function passwordRefusal(userId: string, configured = configuredProviders()): Promise<string | null> {
  const requiring = (await policiesOf(db, userId)).filter((o) => o.providerSignInRequired);
  for (const organisation of requiring) {
    const usable = organisation.signInProviders.filter((p) => configured.includes(p));
    if (!usable.length) {
      logError("sign-in.requirement-unusable", new Error("An organisation requires a provider this service has not set up"), { organisationId: organisation.id });
      continue;
    }
    return `${organisation.name} asks its staff to sign in with ${usable.map((p) => PROVIDER_LABEL[p]).join(" or ")}. Use the button above.`;
  }
  return null;
}

// ---- An organisation's sign-in settings (My School › Sign-in) ----

const checkbox = z.literal("on").optional().transform((v) => v === "on");
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const MAX_DOMAINS = 20;

export const signInSettingsInput = z.object({
  organisationId: z.uuid(),
  microsoft: checkbox,
  google: checkbox,
  required: checkbox,
  domains: z.string().max(2000, "Use at most 2,000 characters").default(""),
});

/** "riverside.sch.uk, @Other.org" → ["riverside.sch.uk", "other.org"], or the field's error. */
export function parseDomains(text: string): { domains: string[] } | { error: string } {
  const domains: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const domain = raw.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
    if (!domain) continue;
    if (!DOMAIN.test(domain)) return { error: `\u201c${raw.slice(0, 60)}\u201d is not an email domain. Enter domains like riverside.sch.uk, one per line.` };
    if (!domains.includes(domain)) domains.push(domain);
  }
  if (domains.length > MAX_DOMAINS) return { error: `Enter at most ${MAX_DOMAINS} domains.` };
  return { domains };
}

export type SignInSettings = {
  providers: SignInProvider[];
  required: boolean;
  domains: string[];
  configured: SignInProvider[];
  /** Members who could not sign in under these settings, with their other organisations' rules. */
  lockedOut: { name: string; email: string }[];
};

type Rules = Pick<Policy, "signInProviders" | "providerSignInRequired" | "signInDomains">;

/** Whether a person could sign in at all under their organisations' rules, on this service. */
export function canSignIn(policies: Rules[], email: string, configured: SignInProvider[]): boolean {
  const usable = configured.filter((p) => !providerRefusalBy(policies, p, email));
  // A requirement with none of its providers set up here is not applied (passwordRefusal).
  const passwordRefused = policies.some((o) => o.providerSignInRequired && o.signInProviders.some((p) => configured.includes(p)));
  return usable.length > 0 || !passwordRefused;
}

/** The members of the organisation who could not sign in if it had `rules`, each with all their organisations' rules. */
async function lockedOutUnder(tx: Tx, organisationId: string, rules: Rules, configured: SignInProvider[]) {
  const members = await tx.user.findMany({
    where: { memberships: { some: { organisationId } } },
    select: { id: true, name: true, email: true, memberships: { select: { organisationId: true, role: true, organisation: { select: policySelect } } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return members
    .filter((m) => !canSignIn(m.memberships.map((x) => (x.organisationId === organisationId ? rules : x.organisation)), m.email, configured))
    .map(({ id, name, email, memberships }) => ({
      id, name, email,
      /** The other organisations this person administers: one school's rules must not shut them out of those. */
      administers: memberships.filter((x) => x.organisationId !== organisationId && can(x.role, "colleagues.manage")).map((x) => x.organisation.name),
    }));
}

/** Whether `after` lets in anyone `before` did not let in by the same way: then sessions opened under `before` are ended. */
function tighter(before: Rules, after: Rules): boolean {
  return (
    (after.providerSignInRequired && !before.providerSignInRequired) ||
    before.signInProviders.some((p) => !after.signInProviders.includes(p)) ||
    (after.signInDomains.length > 0 && (before.signInDomains.length === 0 || after.signInDomains.some((d) => !before.signInDomains.includes(d))))
  );
}

export async function getSignInSettings(manager: PermittedScope<"signin.manage">, configured = configuredProviders()): Promise<SignInSettings> {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: manager.organisationId }, select: policySelect });
  return {
    providers: organisation.signInProviders,
    required: organisation.providerSignInRequired,
    domains: organisation.signInDomains,
    configured,
    lockedOut: (await lockedOutUnder(db, manager.organisationId, organisation, configured)).map(({ name, email }) => ({ name, email })),
  };
}

export async function updateSignInSettings(actorId: string, input: unknown, configured = configuredProviders()): Promise<{ message: string }> {
  const parsed = signInSettingsInput.parse(input);
  const domains = parseDomains(parsed.domains);
  if ("error" in domains) throw new FieldError("domains", domains.error);
  const rules: Rules = {
    signInProviders: SIGN_IN_PROVIDERS.filter((p) => (p === "MICROSOFT" ? parsed.microsoft : parsed.google)),
    providerSignInRequired: parsed.required,
    signInDomains: domains.domains,
  };
  if (rules.providerSignInRequired && !rules.signInProviders.length) {
    throw new FieldError("required", "Allow Microsoft or Google as well: staff need a way to sign in.");
  }
  if (rules.providerSignInRequired && !rules.signInProviders.some((p) => configured.includes(p))) {
    throw new FieldError("required", `${rules.signInProviders.map((p) => PROVIDER_LABEL[p]).join(" and ")} sign-in is not set up on this service yet, so staff could not sign in that way.`);
  }
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, parsed.organisationId, "signin.manage", { lock: true });
    // Who could not sign in under these rules (with all their organisations' rules): never the Administrator saving
    // them, and never someone who runs another organisation (a MAT lead on the school's staff too).
    const lockedOut = await lockedOutUnder(tx, organisation.id, rules, configured);
    const actor = lockedOut.find((m) => m.id === actorId);
    if (actor) {
      throw new FieldError(
        rules.signInDomains.length ? "domains" : "required",
        `You could not sign in with these settings (as ${actor.email}). Keep a way for yourself: allow your address's domain, or do not require Microsoft or Google yet.`,
      );
    }
    const elsewhere = lockedOut.find((m) => m.administers.length);
    if (elsewhere) {
      throw new FieldError(
        rules.signInDomains.length ? "domains" : "required",
        `${elsewhere.name} (${elsewhere.email}) could not sign in with these settings, and is an Administrator of ${elsewhere.administers[0]}. Allow their address's domain, or ask them to leave ${organisation.name} first.`,
      );
    }
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { signInProviders: true, providerSignInRequired: true, signInDomains: true } });
    await tx.organisation.update({ where: { id: organisation.id }, data: rules, select: { id: true } });
    // Stricter rules hold from now: colleagues signed in some other way (a password, a provider now refused) sign
    // in again under them. The Administrator saving them stays signed in (they were checked above).
    let signedOut = 0;
    if (tighter(before, rules)) {
      const ended = await tx.session.updateMany({
        where: { revokedAt: null, expiresAt: { gt: new Date() }, userId: { not: actorId }, user: { memberships: { some: { organisationId: organisation.id } } } },
        data: { revokedAt: new Date() },
      });
      signedOut = ended.count;
    }
    await writeAudit(tx, { actorId, action: "organisation.sign_in_settings_changed", organisationId: organisation.id, targetType: "Organisation", targetId: organisation.id, before, after: { ...rules, sessionsEnded: signedOut } });
    return { message: "Sign-in settings saved." };
  });
}
