// The account forms: signing in, and choosing a password from a one-time link.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, passwordLength, TOO_LONG } from "~/domain/password-rules";
import { SSO_PURPOSES, valuesOf } from "~/domain/vocabulary";
import { emailAddress, recordId } from "./fields";

export const SignInSchema = z.object({
  email: emailAddress("Enter your email address"),
  // Refused before it is hashed: no password that long can be right.
  password: z
    .string({ error: "Enter your password" })
    .refine((password) => passwordLength(password) <= MAX_PASSWORD_LENGTH, TOO_LONG),
  redirectTo: z.string().optional(),
});

/** The first step of signing in: the email alone, to learn whether the person's organisation signs them in. */
export const SignInEmailSchema = z.object({
  step: z.literal("email"),
  email: emailAddress("Enter your email address"),
  redirectTo: z.string().optional(),
});

/** The form that sends someone to an identity provider: to sign in, accept an invitation, or confirm it is them. */
export const SsoStartSchema = z.object({
  provider: recordId("Choose an identity provider"),
  purpose: z.enum(valuesOf(SSO_PURPOSES), { error: "Choose why you are signing in" }),
  email: z.string().max(254).optional(),
  token: z.string().max(100).optional(),
  redirectTo: z.string().optional(),
});

/**
 * `problemOf` is the server's password rule (length, common passwords, the email in it). Both boxes are checked in
 * one pass, so every problem shows on the first submit.
 */
export function setPasswordSchema(problemOf: (password: string) => string | null) {
  return z
    .object({ password: z.string().optional(), confirm: z.string().optional() })
    .superRefine(({ password = "", confirm = "" }, ctx) => {
      const problem = problemOf(password);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
      if (!confirm)
        ctx.addIssue({ code: "custom", path: ["confirm"], message: "Enter your new password again" });
      else if (password !== confirm)
        ctx.addIssue({ code: "custom", path: ["confirm"], message: "The passwords do not match" });
    })
    .transform(({ password = "" }) => ({ password }));
}
