import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";

// The PDFs (certificates, evidence packs) are drawn with PDFKit in the shipped Inter fonts (SIL OFL,
// lib/pdf/fonts/OFL.txt): embedded and subset, so text is selectable and searchable, and nothing is fetched.
// PDFKit writes each page out as the next one begins, so a long document never sits in memory whole;
// streamPdf() below hands the bytes to the response only as the client reads them.

const FONT_DIR = path.join(process.cwd(), "lib", "pdf", "fonts");
/**
 * Fonts are named by their paths: PDFKit 0.20 caches a font under the name it was first asked for, but a
 * registerFont() alias of the default font's file misses that cache and re-reads the file on every switch.
 */
export const FONT = { regular: path.join(FONT_DIR, "Inter-Regular.ttf"), bold: path.join(FONT_DIR, "Inter-Bold.ttf") } as const;

/** A4 in points, and the margins every page keeps (17 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 48;

export type PdfInfo = { title: string; author: string; subject?: string; landscape?: boolean };

export function newPdf(info: PdfInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    layout: info.landscape ? "landscape" : "portrait",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    autoFirstPage: false,
    // Without this PDFKit would load Helvetica's metrics first; every page uses Inter.
    font: FONT.regular,
    pdfVersion: "1.7",
    lang: "en-GB",
    displayTitle: true,
    info: { Title: info.title, Author: info.author, ...(info.subject ? { Subject: info.subject } : {}), Creator: "Schoot trust progress", Producer: "Schoot trust progress" },
  });
  return doc;
}

/**
 * The document's bytes as a web stream with back-pressure: `work` draws the document a step at a time (a
 * school, a few hundred rows), and the next step runs only when the client has read what the last one wrote.
 * When `work` finishes the document is ended. An error part-way errors the stream (the download fails
 * rather than ending in a truncated file that looks whole).
 */
export function streamPdf(doc: PDFKit.PDFDocument, work: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const chunks: Buffer[] = [];
  let finished = false;
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  ended.catch(() => {});
  const steps = work[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          while (chunks.length === 0 && !finished) {
            const step = await steps.next();
            if (step.done) {
              doc.end();
              await ended;
              finished = true;
            }
          }
          for (const chunk of chunks.splice(0)) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if (finished) controller.close();
        } catch (error) {
          controller.error(error);
          await steps.return?.(undefined);
        }
      },
      async cancel() {
        await steps.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Text as it may be printed: control characters and the invisible marks that reorder text (a name typed with
 * a right-to-left override would print its letters backwards) become spaces, runs of spaces one.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, " ").replace(/\s+/g, " ").trim();
}

/** Collects a stream's bytes (tests, the benchmark). */
export async function pdfBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) {
    parts.push(part);
    size += part.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** The response for a PDF download: private, never cached (it names staff), opened as an attachment. */
export function pdfDownload(fileName: string, body: ReadableStream<Uint8Array>): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${safe}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
