/**
 * A certificate's download: a plain link (works without JavaScript), whose words name the course (and, in a
 * school's progress view, the person) for a screen reader even where the visible text is short
 * ("Certificate (PDF)"). No href: nothing to download. `block`: on a line of its own, under a table cell's date.
 */
export function CertificateLink({ href, course, label = "Download certificate (PDF)", detail, block = false }: { href: string | null | undefined; course: string; label?: string; detail?: string; block?: boolean }) {
  if (!href) return null;
  return (
    <a
      href={href}
      download
      className={`${block ? "flex w-fit whitespace-normal" : "inline-flex"} min-h-6 items-center text-sm font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800`}
      data-testid="certificate-link"
    >
      {label}
      <span className="sr-only"> for {course}{detail ? `, ${detail}` : ""}</span>
    </a>
  );
}
