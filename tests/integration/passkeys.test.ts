// Passkeys through their commands, with a software authenticator making real signatures: a challenge answers once
// and only within five minutes, for its own purpose and person; a passkey of someone else, of an anonymised person
// or with a counter that did not rise is refused; each refusal is audited with its reason and sign-in refusals
// count for the sign-in throttle; people rename and remove only their own passkeys.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticationOptions, parseCredential, registrationOptions } from "~/auth/passkeys.server";
import {
  confirmWithPasskey,
  issueChallenge,
  registerPasskey,
  removePasskey,
  renamePasskey,
  signInWithPasskey,
} from "~/commands/passkeys.server";
import { anonymise } from "~/commands/people.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { createSession, findSessionUser } from "~/models/account.server";
import { credentialsOf, listPasskeys, removePasskeysOf } from "~/models/passkey.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makePerson } from "../setup/factories";
import { SoftAuthenticator, type SoftPasskey } from "../setup/webauthn";

const ORIGIN = "http://localhost:3000";
const ADDRESS = "192.0.2.7";
let savedAppUrl: string | undefined;
beforeAll(() => {
  savedAppUrl = process.env.APP_URL;
  process.env.APP_URL = ORIGIN;
});
afterAll(() => {
  process.env.APP_URL = savedAppUrl;
});

let db: Db;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(async () => {
  await db.destroy();
});

const authenticator = new SoftAuthenticator(ORIGIN);
const actorOf = (personId: number | null) => ({ personId, address: ADDRESS });
const credential = (answer: unknown) => {
  const parsed = parseCredential(JSON.stringify(answer));
  if (!parsed) throw new Error("the answer should parse");
  return parsed;
};
const events = (action: string) =>
  db.selectFrom("audit_events").where("action", "=", action).selectAll().orderBy("id").execute();

async function addPasskey(person: { id: number; email: string; name: string }): Promise<SoftPasskey> {
  const options = await registrationOptions({
    personId: person.id,
    email: person.email,
    name: person.name,
    exclude: await credentialsOf(db, person.id),
  });
  await run(db, actorOf(person.id), issueChallenge, {
    challenge: options.challenge,
    purpose: "register",
    personId: person.id,
  });
  const { passkey, answer } = authenticator.register(options);
  const outcome = await run(db, actorOf(person.id), registerPasskey, {
    personId: person.id,
    credential: credential(answer),
    defaultName: "Passkey added today",
  });
  if (!outcome.ok || outcome.passkeyId === null)
    throw new Error(`not registered: ${JSON.stringify(outcome)}`);
  return passkey;
}

async function signInOptions() {
  const options = await authenticationOptions();
  await run(db, actorOf(null), issueChallenge, {
    challenge: options.challenge,
    purpose: "sign-in",
    personId: null,
  });
  return options;
}

async function signInWith(answer: unknown) {
  const outcome = await run(db, actorOf(null), signInWithPasskey, {
    credential: credential(answer),
    address: ADDRESS,
  });
  if (!outcome.ok) throw new Error("the command always records what happened");
  return outcome;
}

describe("passkeys", () => {
  it("registers a passkey, then signs in with it alone, raising its counter and noting its use", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    const [stored] = await listPasskeys(db, person.id);
    expect(stored).toMatchObject({
      name: "Passkey added today",
      last_used_at: null,
      device_type: "singleDevice",
    });
    const options = await signInOptions();
    expect(options.allowCredentials).toEqual([]);
    expect(options.userVerification).toBe("required");
    const outcome = await signInWith(authenticator.authenticate(passkey, options));
    expect(outcome).toMatchObject({ personId: person.id, refusal: null });
    const row = await db.selectFrom("passkeys").select(["counter", "last_used_at"]).executeTakeFirstOrThrow();
    expect(Number(row.counter)).toBe(1);
    expect(row.last_used_at).not.toBeNull();
    expect((await events("passkey.registered")).map((e) => e.subject_id)).toEqual([person.id]);
    expect(JSON.parse((await events("sign_in.passkey"))[0]!.details)).toEqual({
      passkey: "Passkey added today",
    });
  });

  it("asks for a resident key and user verification, and excludes the person's passkeys already added", async () => {
    const person = await makePerson(db);
    await addPasskey(person);
    const options = await registrationOptions({
      personId: person.id,
      email: person.email,
      name: person.name,
      exclude: await credentialsOf(db, person.id),
    });
    expect(options.rp.id).toBe("localhost");
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual(
      (await credentialsOf(db, person.id)).map((c) => c.id),
    );
  });

  it("refuses a sign-in challenge answered twice, and counts the refusal for the sign-in throttle", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    const options = await signInOptions();
    const answer = authenticator.authenticate(passkey, options);
    expect((await signInWith(answer)).personId).toBe(person.id);
    const replay = await signInWith(answer);
    expect(replay).toMatchObject({
      personId: null,
      refusal: "the challenge was unknown, expired or already used",
    });
    const failures = await db.selectFrom("sign_in_failures").selectAll().execute();
    expect(failures.map((f) => [f.email_key, f.address])).toEqual([[person.email, ADDRESS]]);
    const [failed] = await events("sign_in.passkey_failed");
    expect(failed?.subject_id).toBe(person.id);
    expect(JSON.parse(failed!.details)).toEqual({
      reason: "the challenge was unknown, expired or already used",
    });
  });

  it("refuses a challenge answered after five minutes", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    const options = await signInOptions();
    await db
      .updateTable("webauthn_challenges")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("challenge", "=", options.challenge)
      .execute();
    const outcome = await signInWith(authenticator.authenticate(passkey, options));
    expect(outcome.refusal).toBe("the challenge was unknown, expired or already used");
  });

  it("issues challenges that expire five minutes after they are made", async () => {
    await signInOptions();
    const row = await db.selectFrom("webauthn_challenges").selectAll().executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(5 * 60_000);
    expect(row).toMatchObject({ purpose: "sign-in", person_id: null, used_at: null });
  });

  it("refuses a challenge made for another purpose or one Tandem never issued", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    const confirmOptions = await authenticationOptions(await credentialsOf(db, person.id));
    await run(db, actorOf(person.id), issueChallenge, {
      challenge: confirmOptions.challenge,
      purpose: "confirm",
      personId: person.id,
    });
    const wrongPurpose = await signInWith(authenticator.authenticate(passkey, confirmOptions));
    expect(wrongPurpose.refusal).toBe("the challenge was unknown, expired or already used");
    const invented = await signInWith(authenticator.authenticate(passkey, { challenge: "bm90LWlzc3VlZA" }));
    expect(invented.refusal).toBe("the challenge was unknown, expired or already used");
  });

  it("refuses an answer signed by another key, from another origin, or without user verification", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    const impostor = authenticator.register({ challenge: "x", rp: {}, user: { id: "x" } }).passkey;
    const forged = authenticator.authenticate(
      { ...impostor, credentialId: passkey.credentialId },
      await signInOptions(),
    );
    expect((await signInWith(forged)).refusal).toMatch(/signature/i);
    const phished = authenticator.authenticate(passkey, await signInOptions(), {
      origin: "https://tandem.example",
    });
    expect((await signInWith(phished)).refusal).toMatch(/origin/i);
    const unverified = authenticator.authenticate(passkey, await signInOptions(), { userVerified: false });
    expect((await signInWith(unverified)).refusal).toMatch(/user could not be verified/i);
  });

  it("refuses a counter that did not rise (a cloned authenticator)", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    await signInWith(authenticator.authenticate(passkey, await signInOptions(), { counter: 5 }));
    const cloned = await signInWith(
      authenticator.authenticate(passkey, await signInOptions(), { counter: 5 }),
    );
    expect(cloned.refusal).toMatch(/counter/i);
  });

  it("refuses a passkey Tandem does not know, counted for the address alone", async () => {
    const stranger = authenticator.register({ challenge: "x", rp: {}, user: { id: "x" } }).passkey;
    const outcome = await signInWith(authenticator.authenticate(stranger, await signInOptions()));
    expect(outcome.refusal).toBe("the passkey is not registered with Tandem");
    const failures = await db.selectFrom("sign_in_failures").selectAll().execute();
    expect(failures.map((f) => f.address)).toEqual([ADDRESS]);
  });

  it("no longer accepts the passkey of a person who was anonymised, and deletes it with them", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    // The account alone gone (a person without an account cannot sign in either):
    await db.deleteFrom("accounts").where("person_id", "=", person.id).execute();
    const noAccount = await signInWith(authenticator.authenticate(passkey, await signInOptions()));
    expect(noAccount.refusal).toBe("the passkey's owner can no longer sign in");
    expect((await run(db, SYSTEM, anonymise, { personId: person.id, reason: "on request" })).ok).toBe(true);
    expect(await listPasskeys(db, person.id)).toEqual([]);
    const afterwards = await signInWith(authenticator.authenticate(passkey, await signInOptions()));
    expect(afterwards.refusal).toBe("the passkey is not registered with Tandem");
  });

  it("confirms it is the person with their own passkey, marking the session verified", async () => {
    const person = await makePerson(db);
    const passkey = await addPasskey(person);
    const token = await createSession(db, person.id);
    const session = await findSessionUser(db, token);
    expect(session?.verifiedAt).toBeNull();
    const options = await authenticationOptions(await credentialsOf(db, person.id));
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([passkey.credentialId]);
    await run(db, actorOf(person.id), issueChallenge, {
      challenge: options.challenge,
      purpose: "confirm",
      personId: person.id,
    });
    const outcome = await run(db, actorOf(person.id), confirmWithPasskey, {
      personId: person.id,
      sessionId: session!.sessionId,
      credential: credential(authenticator.authenticate(passkey, options)),
    });
    expect(outcome).toMatchObject({ ok: true, confirmed: true });
    expect((await findSessionUser(db, token))?.verifiedAt).not.toBeNull();
    expect(await events("passkey.confirmed")).toHaveLength(1);
  });

  it("refuses to confirm with someone else's passkey, or with a challenge issued to someone else", async () => {
    const person = await makePerson(db);
    const other = await makePerson(db);
    await addPasskey(person);
    const othersPasskey = await addPasskey(other);
    const token = await createSession(db, person.id);
    const session = (await findSessionUser(db, token))!;
    const confirm = async (challengeFor: number, passkey: SoftPasskey) => {
      const options = await authenticationOptions(await credentialsOf(db, challengeFor));
      await run(db, actorOf(challengeFor), issueChallenge, {
        challenge: options.challenge,
        purpose: "confirm",
        personId: challengeFor,
      });
      const outcome = await run(db, actorOf(person.id), confirmWithPasskey, {
        personId: person.id,
        sessionId: session.sessionId,
        credential: credential(authenticator.authenticate(passkey, options)),
      });
      if (!outcome.ok) throw new Error("the command always records what happened");
      return outcome;
    };
    expect(await confirm(person.id, othersPasskey)).toMatchObject({
      confirmed: false,
      refusal: "the passkey belongs to someone else",
    });
    expect(await confirm(other.id, othersPasskey)).toMatchObject({
      confirmed: false,
      refusal: "the challenge was unknown, expired or already used",
    });
    expect((await findSessionUser(db, token))?.verifiedAt).toBeNull();
    expect((await events("passkey.confirm_failed")).map((e) => JSON.parse(e.details).reason)).toEqual([
      "the passkey belongs to someone else",
      "the challenge was unknown, expired or already used",
    ]);
  });

  it("lets people rename and remove only their own passkeys, and audits both", async () => {
    const person = await makePerson(db);
    const other = await makePerson(db);
    await addPasskey(person);
    const [mine] = await listPasskeys(db, person.id);
    const asOther = { personId: other.id, passkeyId: mine!.id };
    expect(await run(db, actorOf(other.id), renamePasskey, { ...asOther, name: "Mine now" })).toMatchObject({
      ok: false,
    });
    expect(await run(db, actorOf(other.id), removePasskey, asOther)).toMatchObject({ ok: false });
    expect((await listPasskeys(db, person.id)).map((p) => p.name)).toEqual(["Passkey added today"]);
    const own = { personId: person.id, passkeyId: mine!.id };
    expect(await run(db, actorOf(person.id), renamePasskey, { ...own, name: "Work laptop" })).toMatchObject({
      ok: true,
      name: "Work laptop",
    });
    expect(JSON.parse((await events("passkey.renamed"))[0]!.details)).toEqual({
      from: "Passkey added today",
      to: "Work laptop",
    });
    expect(await run(db, actorOf(person.id), removePasskey, own)).toMatchObject({
      ok: true,
      name: "Work laptop",
    });
    expect(await listPasskeys(db, person.id)).toEqual([]);
    expect(JSON.parse((await events("passkey.removed"))[0]!.details)).toEqual({ name: "Work laptop" });
  });

  it("registers several passkeys, refuses one registered already, and removes them all for a reset", async () => {
    const person = await makePerson(db);
    await addPasskey(person);
    await addPasskey(person);
    expect(await listPasskeys(db, person.id)).toHaveLength(2);
    // A registration challenge is the person's own: another person cannot answer it.
    const other = await makePerson(db);
    const options = await registrationOptions({ personId: person.id, email: "x", name: "x", exclude: [] });
    await run(db, actorOf(person.id), issueChallenge, {
      challenge: options.challenge,
      purpose: "register",
      personId: person.id,
    });
    const stolen = await run(db, actorOf(other.id), registerPasskey, {
      personId: other.id,
      credential: credential(authenticator.register(options).answer),
      defaultName: "x",
    });
    expect(stolen).toMatchObject({ ok: true, passkeyId: null });
    expect(await listPasskeys(db, other.id)).toEqual([]);
    const removed = await db.transaction().execute((tx) => removePasskeysOf(tx, person.id));
    expect(removed).toBe(2);
    expect(await listPasskeys(db, person.id)).toEqual([]);
  });
});
