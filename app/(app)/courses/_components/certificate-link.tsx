/**
 * A certificate's download: a plain link (works without JavaScript), whose words name the course for a
 * screen reader even where the visible text is short ("Certificate (PDF)"). No href: nothing to download.
 */
export function CertificateLink({ href, course, label = "Download certificate (PDF)", detail }: { href: string | null; course: string; label?: string; detail?: string }) {
  if (!href) return null;
  return (
    <a href={href} download className="inline-flex min-h-6 items-center text-sm font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800" data-testid="certificate-link">
      {label}
      <span className="sr-only"> for {course}{detail ? `, ${detail}` : ""}</span>
    </a>
  );
}
