import { withPermission, type MemberScope } from "@/lib/access";
import { getSignInSettings, PROVIDER_LABEL } from "@/lib/sso";
import { SignInForm } from "./sign-in-form";

/** Of a long list of people who would be locked out, this many are named; the rest are counted. */
const NAMED = 10;

const listFormat = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/**
 * My School › Sign-in (Administrators): which providers staff may sign in with, whether they must, and the
 * domains allowed. Saved rules apply to each person's next sign-in (lib/sso.ts); the section warns of members
 * the saved rules leave with no way in.
 */
export async function SignInSection({ member }: { member: MemberScope }) {
  const manager = withPermission(member, "signin.manage");
  if (!manager) return null;
  const settings = await getSignInSettings(manager);
  const configured = settings.configured.map((provider) => PROVIDER_LABEL[provider]);
  const lockedOut = settings.lockedOut.slice(0, NAMED);
  const more = settings.lockedOut.length - lockedOut.length;

  return (
    <section id="sign-in" aria-labelledby="sign-in-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="sign-in-heading" className="text-xl font-semibold">Sign-in</h2>
      <p className="mt-2 text-sm text-slate-700" data-testid="configured-providers">
        {configured.length === 0
          ? "Microsoft and Google sign-in are not set up on this service yet. The rules you save here apply once they are."
          : settings.required
            ? `This service offers sign-in with ${listFormat.format(configured)}. Your staff must use it: their passwords are refused.`
            : `This service offers sign-in with ${listFormat.format(configured)}. Staff can also sign in with their email and password, unless you require Microsoft or Google.`}
      </p>
      <p className="mt-2 text-sm text-slate-700">Saving stricter rules signs your colleagues out, so that each signs in again under them.</p>

      {settings.lockedOut.length ? (
        <div role="region" aria-labelledby="locked-out-heading" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="locked-out">
          <p id="locked-out-heading" className="font-medium">These members could not sign in with these settings:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {lockedOut.map((person) => (
              <li key={person.email} className="break-words">{person.name} ({person.email})</li>
            ))}
          </ul>
          {more > 0 ? <p className="mt-1">and {more} more.</p> : null}
        </div>
      ) : null}

      <SignInForm
        organisationId={manager.organisationId}
        saved={{
          microsoft: settings.providers.includes("MICROSOFT"),
          google: settings.providers.includes("GOOGLE"),
          required: settings.required,
          domains: settings.domains.join("\n"),
        }}
        // With neither set up, the sentence above says so once, rather than beside each box.
        unconfigured={{ microsoft: configured.length > 0 && !settings.configured.includes("MICROSOFT"), google: configured.length > 0 && !settings.configured.includes("GOOGLE") }}
      />
    </section>
  );
}
