import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeHeaders, unsubscribeToken } from "./unsubscribe.server";

describe("unsubscribe tokens", () => {
  it("name the person and the kind of mail they sign", () => {
    expect(readUnsubscribeToken(unsubscribeToken(42, "visit_reminder"))).toEqual({
      personId: 42,
      kind: "visit_reminder",
    });
  });

  it("refuse a token whose person, kind or signature was changed", () => {
    const token = unsubscribeToken(42, "visit_reminder");
    const [, , signature] = token.split(".");
    expect(readUnsubscribeToken(`43.visit_reminder.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`42.scoring_open.${signature}`)).toBeNull();
    const flipped = signature!.startsWith("A") ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    expect(readUnsubscribeToken(`42.visit_reminder.${flipped}`)).toBeNull();
  });

  it("refuse malformed tokens, unknown kinds and essential mail", () => {
    for (const token of ["", "42", "42.visit_reminder", "x.visit_reminder.AAAAAAAAAAAAAAAAAAAAAA", "0.a.b"])
      expect(readUnsubscribeToken(token), token).toBeNull();
    const essential = unsubscribeToken(42, "password_reset");
    expect(readUnsubscribeToken(essential)).toBeNull();
    expect(readUnsubscribeToken(`42.no_such_kind.${essential.split(".")[2]}`)).toBeNull();
  });

  it("give the footer link and the RFC 8058 headers for the same address", () => {
    const { unsubscribe, headers } = unsubscribeHeaders(
      (path) => `https://tandem.example.test${path}`,
      7,
      "scoring_open",
    );
    expect(unsubscribe).toBe(
      `https://tandem.example.test/unsubscribe/${unsubscribeToken(7, "scoring_open")}`,
    );
    expect(headers).toEqual({
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
