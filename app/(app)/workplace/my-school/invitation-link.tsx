"use client";

import { useState } from "react";

/** An invitation's link, shown once after it was made or sent again: selectable, and copied with one tap. */
export function InvitationLink({ link, email, id }: { link: string; email: string; id: string }) {
  const [copied, setCopied] = useState<string | null>(null);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(link);
    } catch {
      setCopied(null); // no clipboard permission: the link stays selectable in its box
    }
  }

  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">Invitation link for {email}</label>
      <input
        id={id}
        readOnly
        value={link}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
      />
      <div className="flex items-center gap-3">
        <button type="button" onClick={copyLink} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          Copy link
        </button>
        <span aria-live="polite" className="text-sm text-green-800">{copied === link ? "Copied" : ""}</span>
      </div>
      <p className="text-sm text-slate-600">This is the only time the link is shown. If it is lost, use Send again: the old link then stops working.</p>
    </div>
  );
}
