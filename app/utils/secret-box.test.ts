import { afterEach, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box.server";

const saved = { key: process.env.SECRETS_KEY, previous: process.env.SECRETS_KEY_PREVIOUS };

afterEach(() => {
  process.env.SECRETS_KEY = saved.key;
  process.env.SECRETS_KEY_PREVIOUS = saved.previous;
  if (saved.key === undefined) delete process.env.SECRETS_KEY;
  if (saved.previous === undefined) delete process.env.SECRETS_KEY_PREVIOUS;
});

describe("secret box", () => {
  it("seals so that the stored value does not hold the secret, and opens it again", () => {
    process.env.SECRETS_KEY = "a".repeat(40);
    const sealed = sealSecret("client-secret-123");
    expect(sealed).not.toContain("client-secret-123");
    expect(sealSecret("client-secret-123")).not.toBe(sealed);
    expect(openSecret(sealed)).toBe("client-secret-123");
  });

  it("refuses a value altered at rest", () => {
    process.env.SECRETS_KEY = "a".repeat(40);
    const parts = sealSecret("client-secret-123").split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => openSecret(parts.join("."))).toThrow();
  });

  it("reads values sealed with the previous key after a rotation, and not without it", () => {
    process.env.SECRETS_KEY = "old-key-".repeat(5);
    const sealed = sealSecret("totp-key");
    process.env.SECRETS_KEY = "new-key-".repeat(5);
    expect(() => openSecret(sealed)).toThrow(/does not hold/);
    process.env.SECRETS_KEY_PREVIOUS = "old-key-".repeat(5);
    expect(openSecret(sealed)).toBe("totp-key");
  });
});
