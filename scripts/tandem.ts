// `npm run tandem -- <command>`: Tandem's command line.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { totpCode } from "../app/auth/totp.server";
import { appointAdministrator, issueSignInLink } from "../app/commands/invitations.server";
import { run, SYSTEM } from "../app/commands/runner.server";
import { scorePitches } from "../app/domain/pitch-scoring";
import { formatPath, ScoringInputSchema, scoringReport } from "../app/domain/pitch-scoring-input";
import { TOTP } from "../app/domain/second-factor";
import { findPersonByEmail } from "../app/models/person.server";
import { getSecondFactor } from "../app/models/second-factor.server";
import { isProduction } from "../app/utils/env.server";
import { openSecret } from "../app/utils/secret-box.server";
import { openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { backupCommands } from "./backup-commands";
import { cohortCommands } from "./cohort-commands";
import { identityProviderCommands } from "./identity-provider-commands";
import { locateJsonError } from "./json-error";
import { outboxCommands } from "./outbox-commands";
import { reminderCommands } from "./reminder-commands";
import { retentionCommands } from "./retention-commands";
import { formatDemoAccounts, seedDemo } from "./seed-demo";
import { teamCommands } from "./team-commands";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

const Email = z.email({ message: "Enter an email address in the correct format, like name@example.com" });

const commands: Record<string, Command> = {
  migrate: {
    summary: "Bring the database named by DATABASE_URL up to date",
    usage: "migrate",
    async run() {
      const { applied } = await migrateToLatest(openDatabase());
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
          : "Already up to date",
      );
      return 0;
    },
  },
  "seed-demo": {
    summary: "Fill an empty database with a realistic demo cohort and print its accounts",
    usage: "seed-demo",
    async run() {
      const db = openDatabase();
      await migrateToLatest(db);
      const { accounts } = await seedDemo(db);
      console.log(
        `Demo cohort created with ${accounts.length} accounts (passwords are shown only this once):`,
      );
      console.log(formatDemoAccounts(accounts));
      return 0;
    },
  },
  "create-admin": {
    summary: "Create a system administrator and print a one-time link to set their password",
    usage: "create-admin --email <email> --name <full name>",
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { email: { type: "string" }, name: { type: "string" } },
      });
      const email = Email.safeParse(values.email ?? "");
      if (!email.success || !values.name?.trim()) {
        console.error("Usage: npm run tandem -- create-admin --email <email> --name <full name>");
        if (values.email !== undefined && !email.success) console.error(email.error.issues[0]?.message);
        return 2;
      }
      const db = openDatabase();
      await migrateToLatest(db);
      const appointed = await run(db, SYSTEM, appointAdministrator, { name: values.name, email: email.data });
      if (!appointed.ok) throw new Error("Appointing an administrator is never refused");
      const { link } = appointed;
      console.log(`${values.name} (${email.data}) is a system administrator.`);
      console.log(
        `Send them this link to set their password (valid for 7 days, works once):\n  ${appUrl()}/set-password/${link.token}`,
      );
      return 0;
    },
  },
  "reset-link": {
    summary: "Print a one-time link for someone to set a new password",
    usage: "reset-link --email <email>",
    async run(args) {
      const { values } = parseArgs({ args, options: { email: { type: "string" } } });
      const db = openDatabase();
      await migrateToLatest(db);
      const person = values.email ? await findPersonByEmail(db, values.email) : undefined;
      if (!person) {
        console.error(
          values.email
            ? `Nobody has the email ${values.email}`
            : "Usage: npm run tandem -- reset-link --email <email>",
        );
        return 2;
      }
      const issued = await run(db, SYSTEM, issueSignInLink, {
        person,
        purpose: "reset",
        cohortId: null,
        issuer: null,
      });
      if (!issued.ok) throw new Error("The command line may issue a link for anyone");
      const { link } = issued;
      console.log(
        `Link for ${person.name} to set a new password (valid for 7 days, works once):\n  ${appUrl()}/set-password/${link.token}`,
      );
      return 0;
    },
  },
  "demo-code": {
    summary: "Print the current two-step verification code of a demo account (never in production)",
    usage: "demo-code --email <email>",
    async run(args) {
      if (isProduction()) {
        console.error("demo-code is for the demo only: it is refused when NODE_ENV=production");
        return 2;
      }
      const { values } = parseArgs({ args, options: { email: { type: "string" } } });
      const db = openDatabase();
      await migrateToLatest(db);
      const person = values.email ? await findPersonByEmail(db, values.email) : undefined;
      if (!person) {
        console.error(
          values.email
            ? `Nobody has the email ${values.email}`
            : "Usage: npm run tandem -- demo-code --email <email>",
        );
        return 2;
      }
      const factor = await getSecondFactor(db, person.id);
      if (!factor) {
        console.error(`${person.name} has not set up two-step verification`);
        return 2;
      }
      const now = Date.now();
      const left = TOTP.period - (Math.floor(now / 1000) % TOTP.period);
      console.log(`${totpCode(openSecret(factor.totp_key), now)}  (${person.name}; changes in ${left} s)`);
      return 0;
    },
  },
  score: {
    summary: "Score a pitch day's sheets from a JSON file, the way Tandem does, and print the results",
    usage: "score --input <sheets.json>",
    async run(args) {
      const { values } = parseArgs({ args, options: { input: { type: "string" } } });
      if (!values.input) {
        console.error("Usage: npm run tandem -- score --input <sheets.json>");
        return 2;
      }
      let text: string;
      try {
        text = readFileSync(values.input, "utf8");
      } catch (error) {
        console.error(`Cannot read ${values.input}: ${(error as Error).message}`);
        return 2;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        const at = locateJsonError(text);
        const where = at ? `line ${at.line}, column ${at.column}${at.path ? ` (in ${at.path})` : ""}: ` : "";
        console.error(
          `${values.input} is not valid JSON: ${where}${at?.message ?? (error as Error).message}`,
        );
        return 2;
      }
      const parsed = ScoringInputSchema.safeParse(json);
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        console.error(
          `${values.input}: problem at ${formatPath(first.path) || "the top level"}: ${first.message}`,
        );
        return 2;
      }
      const result = scorePitches(parsed.data);
      for (const { judge, team } of result.ignoredConflicts)
        console.error(`Ignored the scores ${judge} gave ${team}: they are in conflict`);
      console.log(JSON.stringify(scoringReport(result), null, 2));
      return 0;
    },
  },
  ...teamCommands,
  ...cohortCommands,
  ...backupCommands,
  ...retentionCommands,
  ...outboxCommands,
  ...reminderCommands,
  ...identityProviderCommands,
};

function help(): string {
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  return [
    "Usage: npm run tandem -- <command> [options]",
    "",
    "Commands:",
    ...Object.values(commands).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "The database is DATABASE_URL (default file:data/tandem.sqlite).",
  ].join("\n");
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === "--help" || name === "-h" || name === "help") {
  console.log(help());
  process.exit(0);
}
const command = commands[name];
if (!command) {
  console.error(`Unknown command "${name}".\n\n${help()}`);
  process.exit(2);
}
process.exit(await command.run(rest));
