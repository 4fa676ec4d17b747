"use client";

import "./globals.css";
import { ErrorMessage } from "@/app/_components/error-message";

// The last resort, when the root layout itself fails: it replaces the whole document, so it brings its own.
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <ErrorMessage digest={error.digest} />
      </body>
    </html>
  );
}
