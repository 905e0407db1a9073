// `npm run demo:idp`: a demo identity provider for trying single sign-on locally. It starts an OpenID Connect
// provider (oidc-provider's development login form: any password) on http://localhost:3300 with some people of
// the demo cohort's HM Revenue & Customs (hmrc.example): three participants, a mentor and a senior leader. It then
// registers itself in the Tandem database named by DATABASE_URL (the demo's file by default) through the same
// command as `npm run tandem -- add-identity-provider`, unless a provider already signs in hmrc.example. When it
// stops, it removes the provider it registered, so the demo's hmrc.example people (the administrator among them)
// sign in with their passwords again rather than being sent to a provider that no longer answers.

import { removeIdentityProvider } from "../app/commands/identity-providers.server";
import { run, SYSTEM } from "../app/commands/runner.server";
import { getIdentityProvider, identityProviderForEmail } from "../app/models/identity-provider.server";
import { appUrl } from "../app/utils/env.server";
import { describeDatabaseUrl, openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { registerIdentityProvider } from "./identity-provider-commands";
import { type ProviderUser, startIdentityProvider } from "./identity-provider-server";

const DOMAIN = "hmrc.example";
const CLIENT = { id: "tandem-demo", secret: "tandem-demo-client-secret-for-local-use-only" };

/** People of the demo cohort (scripts/seed-demo.ts) at HM Revenue & Customs. */
const USERS: ProviderUser[] = [
  { email: `tandem.admin@${DOMAIN}`, emailVerified: true, name: "Alex Morgan" },
  { email: `priya.shah@${DOMAIN}`, emailVerified: true, name: "Priya Shah" },
  { email: `fatima.hussain@${DOMAIN}`, emailVerified: true, name: "Fatima Hussain" },
  { email: `zara.ahmed@${DOMAIN}`, emailVerified: true, name: "Zara Ahmed" },
  { email: `david.kerr@${DOMAIN}`, emailVerified: true, name: "David Kerr" },
  { email: `caroline.hale@${DOMAIN}`, emailVerified: true, name: "Caroline Hale" },
];

const port = Number(process.env.DEMO_IDP_PORT ?? 3300);
const tandem = appUrl();
const provider = await startIdentityProvider({
  port,
  host: "localhost",
  issuerHost: "localhost",
  client: { ...CLIENT, redirectUri: `${tandem}/sso/callback`, postLogoutRedirectUri: `${tandem}/sign-in` },
  users: USERS,
});

const db = openDatabase();
await migrateToLatest(db);
const existing = await identityProviderForEmail(db, `someone@${DOMAIN}`);
let registered: number | null = null;
if (existing) {
  console.log(
    `${existing.name} already signs in ${DOMAIN} in ${describeDatabaseUrl(process.env.DATABASE_URL || "")}.`,
  );
} else {
  const added = await registerIdentityProvider(db, {
    name: "HMRC demo sign-in",
    issuer: provider.issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    domains: DOMAIN,
  });
  if (!added.ok) {
    console.error(`Could not register the demo identity provider: ${added.problem}`);
    console.error(
      `Register it yourself: CLIENT_SECRET=${CLIENT.secret} npm run tandem -- add-identity-provider --name "HMRC demo sign-in" --issuer ${provider.issuer} --client-id ${CLIENT.id} --domains ${DOMAIN}`,
    );
  } else {
    registered = added.id;
    console.log(`Registered "HMRC demo sign-in" for ${DOMAIN} in Tandem's database (until this stops).`);
  }
}
await db.destroy();

console.log(
  [
    "",
    `Demo identity provider listening on ${provider.issuer}`,
    `Tandem (${tandem}) sends people of @${DOMAIN} here to sign in. Try one of:`,
    ...USERS.map((user) => `  ${user.email}  (${user.name})`),
    "On the provider's page, the login is the email address and any password will do.",
    "Press Ctrl+C to stop it.",
  ].join("\n"),
);

/** Removes the provider this run registered, so hmrc.example signs in with passwords again. */
async function unregister() {
  if (registered === null) return;
  const db = openDatabase();
  try {
    const row = await getIdentityProvider(db, registered);
    if (row)
      await run(db, SYSTEM, removeIdentityProvider, { id: row.id, version: row.version, name: row.name });
    console.log(`Removed "HMRC demo sign-in": ${DOMAIN} signs in with passwords again.`);
  } finally {
    await db.destroy();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    Promise.all([provider.close(), unregister()]).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
