// An email's content as a list of blocks, rendered twice from the same description: as HTML (inline styles,
// tables for layout, what mail clients read) and as plain text. A template builds blocks; it never writes
// markup, so the two versions cannot say different things. No "server-only": unit tests render templates.

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** The message's one link: a button in HTML, the label and the address on their own lines in text. */
  | { kind: "button"; label: string; href: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "note"; text: string };

export type Message = {
  subject: string;
  /** Shown by mail clients next to the subject before the message is opened. */
  preview: string;
  blocks: Block[];
  /** Said under the content, small: why the person gets this. */
  footer: string;
};

export const heading = (text: string): Block => ({ kind: "heading", text });
export const paragraph = (text: string): Block => ({ kind: "paragraph", text });
export const button = (label: string, href: string): Block => ({ kind: "button", label, href });
export const list = (items: string[]): Block => ({ kind: "list", items });
export const table = (head: string[], rows: string[][]): Block => ({ kind: "table", head, rows });
export const note = (text: string): Block => ({ kind: "note", text });

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const ink = "color:#0f172a";

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;${ink}">${escapeHtml(block.text)}</h1>`;
    case "paragraph":
      return `<p style="margin:0 0 16px;font-size:16px;line-height:24px;${ink}">${escapeHtml(block.text)}</p>`;
    case "note":
      return `<p style="margin:0 0 16px;font-size:14px;line-height:20px;color:#475569">${escapeHtml(block.text)}</p>`;
    case "button":
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px"><tr><td style="border-radius:6px;background:#3730a3">`
        + `<a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 20px;font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;${font}">${escapeHtml(block.label)}</a>`
        + `</td></tr></table>`;
    case "list":
      return `<ul style="margin:0 0 16px;padding-left:20px;font-size:16px;line-height:24px;${ink}">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "table": {
      const cell = "padding:6px 8px;border-bottom:1px solid #e2e8f0;text-align:left;font-size:14px;line-height:20px";
      const head = block.head.map((h) => `<th scope="col" style="${cell};color:#475569">${escapeHtml(h)}</th>`).join("");
      const rows = block.rows.map((row) => `<tr>${row.map((c) => `<td style="${cell};${ink}">${escapeHtml(c)}</td>`).join("")}</tr>`).join("");
      return `<table role="table" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 16px"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

export function renderHtml(message: Message): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(message.subject)}</title></head>`
    + `<body style="margin:0;padding:0;background:#f8fafc;${font}">`
    + `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(message.preview)}</div>`
    + `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">`
    + `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:24px;${font}">`
    + `<p style="margin:0 0 12px;font-size:13px;font-weight:700;letter-spacing:0.05em;text-transform:uppercase;color:#3730a3">Schoot</p>`
    + message.blocks.map(blockHtml).join("")
    + `</td></tr></table>`
    + `<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:18px;color:#64748b;${font}">${escapeHtml(message.footer)}</p>`
    + `</td></tr></table></body></html>`;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"=".repeat(Math.min(block.text.length, 60))}`;
    case "paragraph":
    case "note":
      return block.text;
    case "button":
      return `${block.label}:\n${block.href}`;
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "table":
      return [block.head.join(" | "), ...block.rows.map((row) => row.join(" | "))].join("\n");
  }
}

export function renderText(message: Message): string {
  return `${message.blocks.map(blockText).join("\n\n")}\n\n--\n${message.footer}\n`;
}

/** Every link a message holds: a template must hold exactly one (tests check each kind). */
export function linksOf(message: Message): string[] {
  return message.blocks.flatMap((block) => (block.kind === "button" ? [block.href] : []));
}
