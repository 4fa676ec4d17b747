"use client";

import { useState } from "react";

/** Copies a text to the clipboard and says so to screen readers. */
export function CopyButton({ text, label = "Copy message" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(text);
          setCopied(true);
        }}
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        {label}
      </button>
      <span aria-live="polite" className="text-sm text-green-800">{copied ? "Copied" : ""}</span>
    </span>
  );
}
