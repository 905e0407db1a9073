import { describe, expect, it } from "vitest";
import { timeStep } from "~/domain/second-factor";
import { matchingStep, newRecoveryCodes, newTotpKey, totpCode, totpUri } from "./totp.server";

describe("time-based one-time passwords (RFC 6238)", () => {
  it("matches the RFC's SHA-1 test vector (last 6 digits)", () => {
    // RFC 6238 appendix B: the key "12345678901234567890" at 59 s gives 94287082.
    const key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(key, 59_000)).toBe("287082");
  });

  it("accepts a code of the step before and after, and names its step; two steps off, none", () => {
    const key = newTotpKey();
    const at = 1_800_000_000_000;
    const step = timeStep(at);
    for (const off of [-1, 0, 1])
      expect(matchingStep(key, totpCode(key, (step + off) * 30_000), at)).toBe(step + off);
    for (const off of [-2, 2]) expect(matchingStep(key, totpCode(key, (step + off) * 30_000), at)).toBeNull();
  });

  it("labels the app's entry with Tandem and the person's email", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "cora@example.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tandem:cora%40example\.test\?/);
    expect(uri).toContain("issuer=Tandem");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
  });

  it("makes ten different recovery codes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
  });
});
