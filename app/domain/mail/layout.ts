// The frame every email shares, in GOV.UK's plain style: one purpose, the link, who sent it and why the person is
// getting it. Each message gives paragraphs and an optional call to action; this makes the text and HTML parts.

export type Paragraph = string | { link: string; label: string };

export type Letter = {
  subject: string;
  greeting: string;
  paragraphs: Paragraph[];
  /** Why the person is getting this email, last. */
  reason: string;
  /** Where to turn this kind of email off, for mail people can opt out of. */
  unsubscribe?: string;
};

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const FONT = "font-family: Arial, sans-serif; font-size: 19px; line-height: 1.32; color: #0b0c0c;";
const LINK = "color: #1d70b8; text-decoration: underline;";

function textOf(paragraph: Paragraph): string {
  return typeof paragraph === "string" ? paragraph : `${paragraph.label}:\n${paragraph.link}`;
}

function htmlOf(paragraph: Paragraph): string {
  const body =
    typeof paragraph === "string"
      ? escapeHtml(paragraph).replaceAll("\n", "<br>")
      : `<a href="${escapeHtml(paragraph.link)}" style="${LINK}">${escapeHtml(paragraph.label)}</a>`;
  return `<p style="${FONT} margin: 0 0 20px 0;">${body}</p>`;
}

/** The letter as a text part and an HTML part (every value escaped), with its subject. */
export function renderLetter(letter: Letter) {
  const footer = [letter.reason, ...(letter.unsubscribe ? [`Stop these emails: ${letter.unsubscribe}`] : [])];
  const text = [letter.greeting, ...letter.paragraphs.map(textOf), "—", "Tandem", ...footer].join("\n\n");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>`,
    `<body style="margin: 0; padding: 0; background: #ffffff;">`,
    `<div style="background: #0b0c0c; padding: 10px 20px;"><span style="${FONT} color: #ffffff; font-weight: bold;">Tandem</span></div>`,
    `<div style="padding: 20px; max-width: 580px;">`,
    htmlOf(letter.greeting),
    ...letter.paragraphs.map(htmlOf),
    `<hr style="border: 0; border-top: 1px solid #b1b4b6; margin: 30px 0 20px 0;">`,
    `<p style="${FONT} font-size: 16px; color: #505a5f;">${escapeHtml(letter.reason)}</p>`,
    letter.unsubscribe
      ? `<p style="${FONT} font-size: 16px;"><a href="${escapeHtml(letter.unsubscribe)}" style="${LINK}">Stop these emails</a></p>`
      : "",
    "</div></body></html>",
  ].join("\n");
  return { subject: letter.subject, text, html };
}
