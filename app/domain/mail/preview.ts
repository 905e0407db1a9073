// How the Outbox page shows an email: its text part with the links made clickable, and its HTML part as a document
// of its own in a sandboxed frame, under a policy that runs no script and loads nothing from anywhere.

/**
 * The Content-Security-Policy of an email's HTML part on the Outbox page: inline styles and inline images only, no
 * script, no forms, no fetching; it may be framed by Tandem's own pages alone; and it is sandboxed even when opened
 * on its own, except that its links may open (in a new tab, outside the sandbox).
 */
export const EMAIL_PREVIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "sandbox allow-popups allow-popups-to-escape-sandbox",
].join("; ");

/** The HTML part as the frame shows it: its links open in a new tab rather than inside the frame. */
export function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return `${html.slice(0, head.index + head[0].length)}${base}${html.slice(head.index + head[0].length)}`;
  return `${base}${html}`;
}

export type TextPart = { text: string } | { link: string };

/**
 * A text part cut into plain text and web addresses, so a page can make the addresses links. Punctuation that
 * ends a sentence after an address is not part of it.
 */
export function textWithLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const link = match[0].replace(/[.,;:!?)\]'’”]+$/, "");
    if (match.index > rest) parts.push({ text: text.slice(rest, match.index) });
    parts.push({ link });
    rest = match.index + link.length;
  }
  if (rest < text.length) parts.push({ text: text.slice(rest) });
  return parts;
}
