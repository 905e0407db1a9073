// The identity provider form (admin pages): a name, the issuer URL, the client id and secret Tandem was given, and
// the email domains the provider vouches for, one a line. Changing a provider leaves the secret blank to keep it.
import { z } from "zod";
import { issuerProblem, parseDomains } from "~/domain/sso";
import { byIntent, requiredText, version } from "./fields";

const name = requiredText(100, {
  empty: "Enter the provider's name",
  tooLong: "Name must be 100 characters or fewer",
});

const issuer = z
  .string({ error: "Enter the issuer URL" })
  .trim()
  .min(1, "Enter the issuer URL")
  .max(500, "Issuer URL must be 500 characters or fewer")
  .superRefine((value, ctx) => {
    const problem = issuerProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const clientId = requiredText(255, {
  empty: "Enter the client ID",
  tooLong: "Client ID must be 255 characters or fewer",
});

const secret = z.string().max(1000, "Client secret must be 1,000 characters or fewer");

const domains = z
  .string({ error: "Enter the email domains this provider signs in for" })
  .max(5000, "Enter fewer domains")
  .transform((text, ctx) => {
    const parsed = parseDomains(text);
    if ("domains" in parsed) return parsed.domains;
    ctx.issues.push({
      code: "custom",
      input: text,
      message:
        "bad" in parsed
          ? `"${parsed.bad}" is not a domain name. Enter domains like department.gov.uk, one a line`
          : "Enter the email domains this provider signs in for",
    });
    return z.NEVER;
  });

export const AddIdentityProviderSchema = z.object({
  name,
  issuer,
  clientId,
  clientSecret: z
    .string({ error: "Enter the client secret" })
    .min(1, "Enter the client secret")
    .max(1000, "Client secret must be 1,000 characters or fewer"),
  domains,
});

export const ChangeIdentityProviderSchema = byIntent(
  {
    save: { version, name, issuer, clientId, clientSecret: secret.optional(), domains },
    remove: { version },
  },
  "Choose save or remove",
);
