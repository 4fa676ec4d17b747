// Reads a generated PDF as a reader would: each page's text (pdf.js, through unpdf), for the integration
// tests and the journeys to check names, statuses, dates and counts against the database.
import { extractText, getDocumentProxy } from "unpdf";

export type PdfText = { pages: string[]; text: string; info: Record<string, unknown> };

export async function pdfText(bytes: Uint8Array | ArrayBuffer): Promise<PdfText> {
  const data = bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const pdf = await getDocumentProxy(data);
  const { info } = await pdf.getMetadata();
  const { text } = await extractText(pdf, { mergePages: false });
  const pages = (text as string[]).map((page) => page.replace(/[ \t]+/g, " "));
  await pdf.loadingTask.destroy(); // this pdf.js has no PDFDocumentProxy.destroy()
  return { pages, text: pages.join("\n"), info: info as Record<string, unknown> };
}

/** Whether `bytes` begin as a PDF does. */
export function isPdf(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-";
}
