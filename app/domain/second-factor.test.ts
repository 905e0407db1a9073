import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codeAttemptDecision,
  groupedKey,
  normaliseRecoveryCode,
  normaliseTotpCode,
  RECOVERY_ALPHABET,
  recoveryCodeFromBytes,
  timeStep,
  WRONG_CODES_PER_PERSON,
} from "./second-factor";

describe("codes as people type them", () => {
  it("reads a 6-digit code with spaces or a dash, and nothing else", () => {
    expect(normaliseTotpCode("123456")).toBe("123456");
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("123-456")).toBe("123456");
    for (const bad of ["12345", "1234567", "12345a", "", "k3m9p-x7w2q"])
      expect(normaliseTotpCode(bad)).toBeNull();
  });

  it("reads a recovery code in any case, with or without its dash", () => {
    expect(normaliseRecoveryCode("K3M9P-X7W2Q")).toBe("k3m9p-x7w2q");
    expect(normaliseRecoveryCode("k3m9px7w2q")).toBe("k3m9p-x7w2q");
    expect(normaliseRecoveryCode("k3m9p x7w2q")).toBe("k3m9p-x7w2q");
    // 0, 1, i, l and o are never in a code.
    for (const bad of ["k3m9p-x7w2", "k0m9p-x7w2q", "k1m9p-x7w2q", "123456"])
      expect(normaliseRecoveryCode(bad)).toBeNull();
  });

  it("makes recovery codes of the unambiguous alphabet only, from any random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const code = recoveryCodeFromBytes(bytes);
        if (code === null) return;
        expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
        for (const ch of code.replace("-", "")) expect(RECOVERY_ALPHABET).toContain(ch);
        expect(normaliseRecoveryCode(code)).toBe(code);
      }),
    );
  });

  it("groups a key in fours for reading", () => {
    expect(groupedKey("JBSWY3DPEHPK3PXPJBSWY3DP")).toBe("JBSW Y3DP EHPK 3PXP JBSW Y3DP");
  });

  it("counts time in 30-second steps", () => {
    expect(timeStep(0)).toBe(0);
    expect(timeStep(29_999)).toBe(0);
    expect(timeStep(30_000)).toBe(1);
  });
});

describe("the limit on wrong codes per person", () => {
  const now = new Date("2026-12-03T10:00:00.000Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

  it("allows tries up to the limit within the window", () => {
    const nine = Array.from({ length: WRONG_CODES_PER_PERSON.limit - 1 }, (_, i) => minutesAgo(i));
    expect(codeAttemptDecision(nine, now)).toEqual({ allowed: true });
  });

  it("refuses at the limit until enough wrong codes leave the window", () => {
    const ten = Array.from({ length: WRONG_CODES_PER_PERSON.limit }, (_, i) => minutesAgo(i));
    // The oldest (9 minutes ago) leaves the 15-minute window in 6 minutes.
    expect(codeAttemptDecision(ten, now)).toEqual({ allowed: false, retryAfterSeconds: 6 * 60 });
    const twelve = [...ten, minutesAgo(10), minutesAgo(11)];
    expect(codeAttemptDecision(twelve, now)).toEqual({ allowed: false, retryAfterSeconds: 6 * 60 });
  });

  it("forgets wrong codes older than the window", () => {
    const old = Array.from({ length: 20 }, () => minutesAgo(WRONG_CODES_PER_PERSON.windowMinutes + 1));
    expect(codeAttemptDecision(old, now)).toEqual({ allowed: true });
  });
});
