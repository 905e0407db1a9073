import { describe, expect, it } from "vitest";
import { EMAIL_PREVIEW_POLICY, previewDocument, textWithLinks } from "./preview";

describe("the text part with its links", () => {
  it("cuts out web addresses, leaving sentence punctuation outside them", () => {
    expect(
      textWithLinks(
        "Set a new password:\nhttps://tandem.example/set-password/abc_1. Or see http://x.test/a?b=1)",
      ),
    ).toEqual([
      { text: "Set a new password:\n" },
      { link: "https://tandem.example/set-password/abc_1" },
      { text: ". Or see " },
      { link: "http://x.test/a?b=1" },
      { text: ")" },
    ]);
  });

  it("leaves text without addresses, and addresses of other kinds, as text", () => {
    expect(textWithLinks("Write to mailto:someone@example.test or javascript:alert(1)")).toEqual([
      { text: "Write to mailto:someone@example.test or javascript:alert(1)" },
    ]);
    expect(textWithLinks("")).toEqual([]);
  });
});

describe("the HTML part in its frame", () => {
  it("opens links in a new tab", () => {
    expect(previewDocument('<html lang="en"><head><meta charset="utf-8"></head><body></body></html>')).toBe(
      '<html lang="en"><head><base target="_blank"><meta charset="utf-8"></head><body></body></html>',
    );
    expect(previewDocument("<p>No head</p>")).toBe('<base target="_blank"><p>No head</p>');
  });

  it("runs no script, fetches nothing, and may be framed by Tandem only", () => {
    expect(EMAIL_PREVIEW_POLICY).toContain("default-src 'none'");
    expect(EMAIL_PREVIEW_POLICY).not.toContain("script-src");
    expect(EMAIL_PREVIEW_POLICY).toContain("frame-ancestors 'self'");
    expect(EMAIL_PREVIEW_POLICY).toMatch(/sandbox(?! [^;]*allow-scripts)/);
  });
});
