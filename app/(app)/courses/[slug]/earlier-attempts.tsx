import { certificateHref } from "@/lib/certificates/links";
import { formatDate } from "@/lib/format";
import type { EarlierAttempt } from "@/lib/requirements/renewal";
import { CertificateLink } from "../_components/certificate-link";

type Props = { attempts: EarlierAttempt[]; nested?: boolean; course: { title: string }; enrolmentId: string | null };

/** "Earlier attempts": each closed attempt of the course with its number and dates, latest first, and each completed one's certificate. */
export function EarlierAttempts({ attempts, nested = false, course, enrolmentId }: Props) {
  const list = (
    <ul className="mt-2 space-y-2 text-sm" data-testid="earlier-attempts">
      {attempts.map((a) => (
        <li key={a.number} className="rounded-md border border-slate-200 px-3 py-2">
          <span className="font-medium">Attempt {a.number}</span> · Started {formatDate(a.startedAt)} · {a.completedAt ? `Completed ${formatDate(a.completedAt)}` : "Not completed"}
          {a.completedAt && enrolmentId ? (
            <>
              {" · "}
              <CertificateLink href={certificateHref(enrolmentId, a.number)} course={course.title} label="Certificate (PDF)" detail={`attempt ${a.number}`} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
  return nested ? (
    <section aria-labelledby="earlier-attempts">
      <h4 id="earlier-attempts" className="font-semibold">Earlier attempts</h4>
      {list}
    </section>
  ) : (
    <section aria-labelledby="earlier-attempts" className="rounded-lg border border-slate-200 bg-white p-5">
      <h3 id="earlier-attempts" className="text-lg font-semibold">Earlier attempts</h3>
      {list}
    </section>
  );
}
