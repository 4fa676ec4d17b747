// The evidence pack: proof of staff training a head hands to governors and inspectors, as an A4 PDF made at
// the moment of download. A school's pack is its section (./draw-school.ts); a trust's is a summary of its
// schools, worst first, then each school's section on its own pages, with an outline entry per school.
// Which schools is lib/access.ts's answer (a SchoolProgressScope, or a TrustOverviewScope and the trust-school
// scopes of the same viewer), nothing wider. A trust's schools are loaded and drawn one at a time inside the
// stream's work, so memory stays flat however many schools the trust has. The download is recorded in the
// audit log before the first byte (an abandoned download is still on record), and the first data load happens
// before the response, so a failure there is an error status rather than a broken file.
import "server-only";
import { findSchoolProgressScope, listProgressScopes, type SchoolProgressScope, type TrustOverviewScope } from "../access";
import { writeAudit } from "../audit";
import { fileSlug } from "../csv";
import { db } from "../db";
import { formatDateTime, formatDay } from "../format";
import { newPdf, streamPdf } from "../pdf/document";
import { PageWriter, type Tone } from "../pdf/layout";
import { summariseSchools, type SchoolSummary } from "../progress/overview";
import { summariseSchoolCompliance, type SchoolCompliance } from "../requirements/school-compliance";
import { addDays, addYears, londonToday } from "../requirements/status";
import { drawSchool, PACK_TITLE, periodWords } from "./draw-school";
import { loadSchoolFacts, readStaffRows, type Period, type SchoolFacts } from "./school-data";

export const PACK_AUDIT_ACTION = "evidence_pack.generate";

const number = new Intl.NumberFormat("en-GB");

/** The 12 months to `now`: the day after the same date a year before, to today, in England. */
export function periodTo(now: Date): Period {
  const to = londonToday(now);
  return { now, from: addDays(addYears(to, -1), 1), to };
}

/** "30 Nov 2026, 09:14 by Ann Lead": the cover's "Generated" detail, and the footer after "Generated ". */
const generatedWords = (period: Period, by: string) => `${formatDateTime(period.now)} by ${by}`;

function writerFor(title: string, subject: string, period: Period, generatedBy: string) {
  const doc = newPdf({ title: `${PACK_TITLE}: ${title}`, author: generatedBy, subject });
  return new PageWriter(doc, { title, document: "Evidence pack", footer: `Generated ${generatedWords(period, generatedBy)}` });
}

/** `evidence-pack-riverside-primary-academy-2026-11-30.pdf`. */
export const packFileName = (name: string, period: Period) => `evidence-pack-${fileSlug(name, "school")}-${period.to}.pdf`;

function logFailure(what: Record<string, unknown>) {
  return (error: unknown) => console.error("Evidence pack failed", { ...what, error });
}

/** Wraps the drawing so a failure part-way is logged with its context before it errors the stream. */
async function* logged(work: AsyncIterable<void>, onError: (error: unknown) => void): AsyncGenerator<void> {
  try {
    yield* work;
  } catch (error) {
    onError(error);
    throw error;
  }
}

// ---- A school --------------------------------------------------------------------------------------------

/** A school's pack as a stream, from facts already loaded (the first load happens before the response). */
export function schoolPackStream(facts: SchoolFacts, generatedBy: string, period: Period): ReadableStream<Uint8Array> {
  const writer = writerFor(facts.scope.schoolName, `Staff training at ${facts.scope.schoolName}`, period, generatedBy);
  const work = drawSchool(writer, facts, readStaffRows(facts.scope, period.to), period, generatedWords(period, generatedBy));
  return streamPdf(writer.doc, logged(work, logFailure({ viewerId: facts.scope.viewerId, schoolId: facts.scope.schoolId })));
}

async function viewerName(viewerId: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: viewerId }, select: { name: true } })).name;
}

/** The route's work for a school: the audit row, the first load, then the stream. */
export async function startSchoolPack(scope: SchoolProgressScope, now = new Date()): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const period = periodTo(now);
  const [generatedBy, facts] = await Promise.all([viewerName(scope.viewerId), loadSchoolFacts(scope, period)]);
  await db.$transaction((tx) =>
    writeAudit(tx, { actorId: scope.viewerId, action: PACK_AUDIT_ACTION, organisationId: scope.schoolId, targetType: "Organisation", targetId: scope.schoolId, after: { schools: 1 } }),
  );
  return { fileName: packFileName(scope.schoolName, period), body: schoolPackStream(facts, generatedBy, period) };
}

// ---- A trust ---------------------------------------------------------------------------------------------

/** A school of the trust's summary: the overview's figures, and its own "n of m in date on everything". */
export type TrustPackSchool = { summary: SchoolSummary; scope: SchoolProgressScope; compliance: SchoolCompliance };

/**
 * The first load of a trust's pack: its schools worst first (the overview's order and figures), each with its
 * progress scope (the same viewer's, from lib/access.ts) and its compliance (a few figures per school).
 */
export async function loadTrustSummary(trust: TrustOverviewScope, period: Period): Promise<TrustPackSchool[]> {
  const [summaries, scopes] = await Promise.all([summariseSchools(trust, "compliance", "asc", period.to), listProgressScopes(trust.viewerId)]);
  const scopeOf = new Map(
    scopes.filter((s): s is SchoolProgressScope & { kind: "trust-school" } => s.kind === "trust-school" && s.trustId === trust.trustId).map((s) => [s.schoolId, s]),
  );
  const schools: TrustPackSchool[] = [];
  // Four schools' figures at a time: a pack never takes the whole connection pool (5 by default).
  for (let i = 0; i < summaries.length; i += 4) {
    const batch = summaries.slice(i, i + 4).flatMap((summary) => {
      const scope = scopeOf.get(summary.schoolId);
      return scope ? [{ summary, scope }] : []; // granted a moment ago and no longer: left out, never widened
    });
    const compliance = await Promise.all(batch.map((s) => summariseSchoolCompliance(s.scope, period.to)));
    batch.forEach((s, k) => schools.push({ ...s, compliance: { ...compliance[k]!, overduePeople: [] } })); // the pack lists everyone; keep the figures only
  }
  return schools;
}

const percentTone = (percent: number | null): Tone => (percent === null ? "plain" : percent === 100 ? "good" : percent < 80 ? "bad" : "warn");

async function* drawTrust(writer: PageWriter, trust: TrustOverviewScope, schools: TrustPackSchool[], period: Period, generatedBy: string): AsyncGenerator<void> {
  const generated = generatedWords(period, generatedBy);
  writer.newPage();
  writer.doc.outline.addItem(trust.trustName);
  writer.heading(trust.trustName, 1);
  writer.paragraph(PACK_TITLE, { bold: true, size: 12 });
  writer.details([
    ["Generated", generated],
    ["Period", `${periodWords(period)} (the 12 months to the date of generation)`],
    ["Schools", `${number.format(schools.length)} ${schools.length === 1 ? "school has" : "schools have"} chosen ${trust.trustName} as their Multi Academy Trust`],
  ]);
  writer.heading("Schools, worst first");
  writer.paragraph(
    `Compliance is the share of a school's required training that is in date on ${formatDay(period.to)}: of every course required of every member of staff, how many are completed and still in date. Each school's section follows, in this order.`,
    { muted: true, size: 9 },
  );
  const table = writer.startTable<TrustPackSchool>([
    { header: "School", width: 30, text: (s) => s.summary.schoolName, bold: () => true },
    { header: "Compliance", width: 13, align: "right", text: (s) => (s.summary.compliance.percent === null ? "Nothing required" : `${s.summary.compliance.percent}%`), tone: (s) => percentTone(s.summary.compliance.percent) },
    { header: "In date on everything", width: 18, align: "right", text: (s) => `${number.format(s.compliance.inDateStaff)} of ${number.format(s.compliance.staff)} staff` },
    { header: "Overdue", width: 10, align: "right", text: (s) => number.format(s.summary.compliance.overdue), tone: (s) => (s.summary.compliance.overdue ? "bad" : "plain") },
    { header: "Expired", width: 10, align: "right", text: (s) => number.format(s.summary.compliance.expired), tone: (s) => (s.summary.compliance.expired ? "bad" : "plain") },
    { header: "Due soon", width: 10, align: "right", text: (s) => number.format(s.summary.compliance.dueSoon), tone: (s) => (s.summary.compliance.dueSoon ? "warn" : "plain") },
  ]);
  for (const school of schools) table.row(school);
  table.end();
  if (schools.length === 0) writer.paragraph("No school has chosen this trust.");
  yield;

  // One school at a time: its facts are loaded here, drawn, and let go before the next. A slow reader can make
  // this last minutes, so each school's access is asked again first: one that stopped sharing with the trust
  // (or a viewer no longer its Administrator) in the meantime is left out, and the pack says so.
  for (const school of schools) {
    const scope = await findSchoolProgressScope(trust.viewerId, school.scope.schoolId);
    if (!scope || scope.kind !== "trust-school" || scope.trustId !== trust.trustId) {
      writer.running = { ...writer.running, title: school.scope.schoolName };
      writer.newPage();
      writer.heading(school.scope.schoolName, 1);
      writer.paragraph(`Left out: this school's staff training stopped being shared with you through ${trust.trustName} while the pack was being generated.`);
      yield;
      continue;
    }
    const facts = await loadSchoolFacts(scope, period, school.compliance);
    yield* drawSchool(writer, facts, readStaffRows(scope, period.to), period, generated);
  }
}

/**
 * A trust's whole pack as a stream, for the route and the benchmark: `schools` from loadTrustSummary() (the
 * route loads them before it answers), or loaded here when not given.
 */
export function trustPackStream(trust: TrustOverviewScope, generatedBy: string, now = new Date(), schools?: TrustPackSchool[]): ReadableStream<Uint8Array> {
  const period = periodTo(now);
  const writer = writerFor(trust.trustName, `Staff training at the schools of ${trust.trustName}`, period, generatedBy);
  async function* work(): AsyncGenerator<void> {
    yield* drawTrust(writer, trust, schools ?? (await loadTrustSummary(trust, period)), period, generatedBy);
  }
  return streamPdf(writer.doc, logged(work(), logFailure({ viewerId: trust.viewerId, trustId: trust.trustId })));
}

/** The route's work for a trust: the first load, the audit row, then the stream. */
export async function startTrustPack(trust: TrustOverviewScope, now = new Date()): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const period = periodTo(now);
  const [generatedBy, schools] = await Promise.all([viewerName(trust.viewerId), loadTrustSummary(trust, period)]);
  await db.$transaction((tx) =>
    writeAudit(tx, { actorId: trust.viewerId, action: PACK_AUDIT_ACTION, organisationId: trust.trustId, targetType: "Organisation", targetId: trust.trustId, after: { schools: schools.length } }),
  );
  return { fileName: packFileName(trust.trustName, period), body: trustPackStream(trust, generatedBy, now, schools) };
}
