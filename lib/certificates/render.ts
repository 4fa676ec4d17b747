import "server-only";
import { formatDate, formatDay } from "../format";
import { FONT, newPdf, printable, streamPdf } from "../pdf/document";
import { printedCode } from "./code";
import type { IssuedCertificate } from "./issue";

// The certificate: one A4 landscape page, drawn directly with PDFKit in the shipped fonts, every word
// selectable text (nothing fetched, no images). Calm and print-worthy: a thin border in the brand colour,
// the person's name the largest thing on the page, the verification code and where to check it at the foot.

const INK = "#0f172a"; // slate-900
const MUTED = "#475569"; // slate-600
const BRAND = "#3730a3"; // --color-brand-700 (app/globals.css)
const RULE = "#c7d2fe"; // brand-200

export type CertificateToPrint = Pick<IssuedCertificate, "code" | "attempt" | "personName" | "courseTitle" | "organisationName" | "completedAt" | "expiresOn" | "issuedAt">;

/** The certificate's PDF. `appUrl` is the app's own address (no trailing slash), for the verification link. */
export function renderCertificate(certificate: CertificateToPrint, appUrl: string): ReadableStream<Uint8Array> {
  const doc = newPdf({
    title: `Certificate: ${printable(certificate.courseTitle)} — ${printable(certificate.personName)}`,
    author: "Schoot trust progress",
    subject: `Certificate of completion, verification code ${printedCode(certificate.code)}`,
    landscape: true,
  });
  return streamPdf(doc, (async function* () {
    draw(doc, certificate, appUrl);
    yield;
  })());
}

/** The largest size, up to `max`, at which `text` fits on one line of `width` (never below `min`: then it wraps). */
function fittedSize(doc: PDFKit.PDFDocument, text: string, font: string, width: number, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 1) if (doc.fontSize(size).widthOfString(text) <= width) return size;
  return min;
}

function draw(doc: PDFKit.PDFDocument, c: CertificateToPrint, appUrl: string) {
  doc.addPage({ size: "A4", layout: "landscape", margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  const W = doc.page.width;
  const H = doc.page.height;
  const inset = 28;
  doc.lineWidth(0.75).strokeColor(BRAND).rect(inset, inset, W - 2 * inset, H - 2 * inset).stroke();
  doc.lineWidth(0.5).strokeColor(RULE).rect(inset + 5, inset + 5, W - 2 * inset - 10, H - 2 * inset - 10).stroke();

  const left = 96;
  const width = W - 2 * left;
  const centred = (text: string, font: string, size: number, color: string, gap = 0, extra: PDFKit.Mixins.TextOptions = {}) => {
    doc.font(font).fontSize(size).fillColor(color).text(text, left, doc.y, { width, align: "center", ...extra });
    doc.y += gap;
  };

  doc.y = 78;
  centred("SCHOOT TRUST PROGRESS", FONT.bold, 10, BRAND, 22, { characterSpacing: 2.5 });
  centred("Certificate of completion", FONT.bold, 30, INK, 26);
  centred("This certifies that", FONT.regular, 12, MUTED, 8);
  const name = printable(c.personName);
  const course = printable(c.courseTitle);
  centred(name, FONT.bold, fittedSize(doc, name, FONT.bold, width, 38, 16), BRAND, 10);
  centred("has completed the course", FONT.regular, 12, MUTED, 8);
  centred(course, FONT.bold, fittedSize(doc, course, FONT.bold, width, 22, 13), INK, 16);

  const rule = doc.y;
  doc.lineWidth(0.5).strokeColor(RULE).moveTo(W / 2 - 60, rule).lineTo(W / 2 + 60, rule).stroke();
  doc.y = rule + 14;
  centred(`Completed on ${formatDate(c.completedAt)}`, FONT.bold, 13, INK, 4);
  if (c.expiresOn) centred(`In date until ${formatDay(c.expiresOn)}`, FONT.regular, 13, INK, 4);
  if (c.attempt > 1) centred(`Renewal, attempt ${c.attempt}`, FONT.regular, 11, MUTED, 4);
  if (c.organisationName) centred(printable(c.organisationName), FONT.regular, 13, INK, 4);

  // The foot: the code and where to check it on the left, who issued it and when on the right.
  const code = printedCode(c.code);
  const url = `${appUrl}/verify/${code}`;
  const foot = Math.max(H - inset - 92, doc.y + 12); // below the body, however long a name or title wraps
  const half = (W - 2 * left) / 2;
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text("Verification code", left, foot, { width: half });
  doc.font(FONT.bold).fontSize(14).fillColor(INK).text(code, left, doc.y + 2, { width: half, characterSpacing: 1 });
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text("Check it at ", left, doc.y + 4, { width: half + 80, continued: true });
  doc.fillColor(BRAND).text(url, { link: url, underline: false });

  const right = left + half;
  doc.font(FONT.bold).fontSize(11).fillColor(BRAND).text("Schoot trust progress", right, foot, { width: half, align: "right" });
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text(`Issued ${formatDate(c.issuedAt)}`, right, doc.y + 4, { width: half, align: "right" });
}
