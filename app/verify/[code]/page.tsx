import type { Metadata } from "next";
import { VisitorPage } from "@/components/visitor-page";
import { verifyCertificate, type PrintedFacts, type Verification } from "@/lib/certificates/verify";
import { formatDate, formatDay } from "@/lib/format";
import { readPathParam } from "@/lib/search-params";
import { VerifyForm } from "../verify-form";

export const metadata: Metadata = { title: "Certificate check", robots: { index: false, follow: false } };

type Props = { params: Promise<{ code: string }> };

type Verdict = { heading: string; detail: string; tone: string; mark: string };

function verdictOf(result: Verification): Verdict {
  switch (result.status) {
    case "valid":
      return {
        heading: "Genuine and in date",
        detail: result.facts.expiresOn ? `This certificate was issued by Schoot and is in date until ${formatDay(result.facts.expiresOn)}.` : "This certificate was issued by Schoot. It has no expiry date: where it was issued, the course needs no renewal.",
        tone: "border-green-300 bg-green-50 text-green-900",
        mark: "✓",
      };
    case "expired":
      return {
        heading: `Genuine: expired on ${formatDay(result.facts.expiresOn)}`,
        detail: "This certificate was issued by Schoot, but the training is no longer in date: it needed renewing by then.",
        tone: "border-amber-300 bg-amber-50 text-amber-900",
        mark: "!",
      };
    case "revoked":
      return {
        heading: `Revoked on ${formatDate(result.revokedAt)}: ${result.reason}`,
        detail: "This certificate no longer stands. Ask the person for their current certificate.",
        tone: "border-red-300 bg-red-50 text-red-900",
        mark: "✗",
      };
    case "gone":
      return {
        heading: "No longer on record",
        detail: "Schoot issued this certificate, but the training it certifies is no longer on record.",
        tone: "border-red-300 bg-red-50 text-red-900",
        mark: "✗",
      };
    case "unknown":
      return {
        heading: "We do not recognise this code",
        detail: "No Schoot certificate has this code. Check it against the certificate: it has 16 letters and digits.",
        tone: "border-red-300 bg-red-50 text-red-900",
        mark: "✗",
      };
  }
}

function Facts({ facts }: { facts: PrintedFacts }) {
  const items: [string, string][] = [
    ["Name", facts.personName],
    ["Course", facts.attempt > 1 ? `${facts.courseTitle} (renewal, attempt ${facts.attempt})` : facts.courseTitle],
    ["School", facts.organisationName ?? "—"],
    ["Completed", formatDate(facts.completedAt)],
    ["In date until", facts.expiresOn ? formatDay(facts.expiresOn) : "No renewal needed"],
    ["Verification code", facts.code],
  ];
  return (
    <section aria-labelledby="as-printed" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="as-printed" className="text-lg font-semibold">As printed on the certificate</h2>
      <dl className="mt-3 space-y-3" data-testid="certificate-facts">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Open to visitors (proxy.ts). A code that matches nothing is answered 200 with "We do not recognise this code",
// not a 404: a person typed it, and the page helps them check it.
export default async function VerifyCodePage({ params }: Props) {
  const typed = readPathParam(safeDecode((await params).code), 64) ?? "";
  const result = await verifyCertificate(typed);
  const verdict = verdictOf(result);
  return (
    <VisitorPage title="Certificate check" back={{ href: "/verify", label: "Check another certificate" }}>
      <div className={`mt-4 rounded-lg border px-4 py-3 ${verdict.tone}`} role="status" data-testid="verdict" data-status={result.status}>
        <p className="text-lg font-semibold break-words"><span aria-hidden="true">{verdict.mark} </span>{verdict.heading}</p>
        <p className="mt-1 text-sm">{verdict.detail}</p>
      </div>
      {result.status === "unknown" ? (
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <VerifyForm value={typed} />
        </div>
      ) : (
        <Facts facts={result.facts} />
      )}
    </VisitorPage>
  );
}
