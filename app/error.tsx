"use client";

import { ErrorMessage } from "@/app/_components/error-message";

// Shown when a page cannot be rendered, most often because the database is briefly out of reach. It says only
// what a person needs (nothing changed, try again): the error itself is logged on the server, one line
// (instrumentation.ts), and nothing of it reaches the page.
export default function ErrorPage({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage digest={error.digest} />;
}
