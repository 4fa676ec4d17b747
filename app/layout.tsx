import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Schoot trust progress", template: "%s · Schoot trust progress" },
  description: "Course progress for every member of staff across a Multi Academy Trust.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/*
 * For browsers without JavaScript. A page that waits on the database streams: React first sends its loading
 * skeleton, then each finished part as a hidden <div id="S:…"> after <main>, for an inline script to swap in.
 * With scripting off, hide the skeletons and show those parts where they arrive, in <main>'s column. (Holding
 * the skeleton back on the server instead kept every response open for the length of the hold.) In Tailwind's first layer, and
 * !important: there an important rule beats preflight's [hidden] (in "base"), where a normal one loses.
 */
const noScriptStyles = `
@layer theme {
  [data-loading-skeleton] { display: none !important; }
  body > div[hidden][id^="S:"] { display: block !important; max-width: 72rem !important; margin-inline: auto !important; padding: 0 1rem 1.5rem !important; }
}
`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, every page: a page prerendered at build time (the 404 was) would carry scripts
  // without this request's nonce, and the Content-Security-Policy from proxy.ts would block them.
  await connection();
  return (
    <html lang="en-GB">
      <head>
        <noscript>
          <style>{noScriptStyles}</style>
        </noscript>
      </head>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
