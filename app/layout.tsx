import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Schoot trust progress", template: "%s · Schoot trust progress" },
  description: "Course progress for every member of staff across a Multi Academy Trust.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/*
 * Without JavaScript a streamed page would never leave its loading skeleton: React sends each finished part
 * as a hidden <div id="S:…"> after the page and swaps it in with an inline script. With scripting off, hide
 * the skeletons and show those parts where they arrive (just after <main>), in <main>'s column.
 * e2e/no-javascript.spec.ts keeps this honest.
 */
// In Tailwind's first layer: an !important rule in an earlier layer beats preflight's [hidden] one in "base".
const noScriptStyles = `
@layer theme {
  [data-loading-skeleton] { display: none !important; }
  body > div[hidden][id^="S:"] { display: block !important; max-width: 72rem; margin-inline: auto; padding: 0 1rem 1.5rem; }
}
`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
