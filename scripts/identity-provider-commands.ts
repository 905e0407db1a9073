// `npm run tandem -- add-identity-provider --name … --issuer … --client-id … --domains a.gov.uk,b.gov.uk`: adds an
// organisation's identity provider (single sign-on) through the same command as the admin page, with the same
// checks (the form's rules, and the issuer's discovery document must be readable). The secret comes from the
// CLIENT_SECRET environment variable (kept out of the shell's history) or --client-secret.
import { parseArgs } from "node:util";
import { issuerUnreadable, redirectUri } from "../app/auth/oidc.server";
import { addIdentityProvider } from "../app/commands/identity-providers.server";
import { run, SYSTEM } from "../app/commands/runner.server";
import { AddIdentityProviderSchema } from "../app/forms/identity-provider";
import { type Db, openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

const USAGE =
  "add-identity-provider --name <name> --issuer <url> --client-id <id> --domains <a.gov.uk,b.gov.uk> [--client-secret <secret>]";

export type NewProvider = {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  domains: string;
};

/**
 * Checks and adds a provider as the admin page does: the first problem as a sentence, or the provider added. Shared
 * with the demo identity provider, which registers itself this way.
 */
export async function registerIdentityProvider(
  db: Db,
  input: NewProvider,
  { checkIssuer = true } = {},
): Promise<{ ok: true; id: number; domains: string[] } | { ok: false; problem: string }> {
  const parsed = AddIdentityProviderSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: `--${String(issue.path[0] ?? "")}: ${issue.message}` };
  }
  if (checkIssuer) {
    const unreadable = await issuerUnreadable(parsed.data.issuer);
    if (unreadable) return { ok: false, problem: `--issuer: ${unreadable}` };
  }
  const added = await run(db, SYSTEM, addIdentityProvider, parsed.data);
  if (!added.ok)
    return {
      ok: false,
      problem:
        "invalid" in added ? Object.values(added.invalid).flat().join(" ") : "The provider was refused",
    };
  return { ok: true, id: added.id, domains: parsed.data.domains };
}

export const identityProviderCommands: Record<string, Command> = {
  "add-identity-provider": {
    summary: "Add an organisation's identity provider (single sign-on) for its email domains",
    usage: USAGE,
    async run(args) {
      let values: Record<string, string | undefined>;
      try {
        ({ values } = parseArgs({
          args,
          options: {
            name: { type: "string" },
            issuer: { type: "string" },
            "client-id": { type: "string" },
            "client-secret": { type: "string" },
            domains: { type: "string" },
          },
        }));
      } catch (error) {
        console.error(`${(error as Error).message}\nUsage: npm run tandem -- ${USAGE}`);
        return 2;
      }
      const clientSecret = values["client-secret"] ?? process.env.CLIENT_SECRET ?? "";
      if (!values.name || !values.issuer || !values["client-id"] || !values.domains || !clientSecret) {
        console.error(`Usage: npm run tandem -- ${USAGE}`);
        console.error("The client secret comes from CLIENT_SECRET (or --client-secret).");
        return 2;
      }
      const db = openDatabase();
      await migrateToLatest(db);
      const added = await registerIdentityProvider(db, {
        name: values.name,
        issuer: values.issuer,
        clientId: values["client-id"],
        clientSecret,
        domains: values.domains,
      });
      await db.destroy();
      if (!added.ok) {
        console.error(added.problem);
        return 2;
      }
      console.log(`${values.name} signs in people of ${added.domains.join(", ")}.`);
      console.log(`Its redirect URI (register it with the provider): ${redirectUri()}`);
      return 0;
    },
  },
};
