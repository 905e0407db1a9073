// Which kinds of email a person gets: their choices in the profile, and the link at the foot of an email that turns
// one kind off. Essential mail (invitations, password resets) cannot be turned off.
import { OPTIONAL_MESSAGE_KINDS } from "~/domain/mail/preferences";
import type { MessageKind } from "~/domain/vocabulary";
import { optOutsOf, setOptOut } from "~/models/email-preferences.server";
import { getPerson } from "~/models/person.server";
import { command, invalid, ok } from "./runner.server";

/** Saves the profile's choices: `wanted` are the kinds left on, every other optional kind is turned off. */
export const saveEmailPreferences = command({
  async execute(c, input: { personId: number; wanted: MessageKind[] }) {
    const before = new Set(await optOutsOf(c.tx, input.personId));
    const off = OPTIONAL_MESSAGE_KINDS.filter((kind) => !input.wanted.includes(kind) && !before.has(kind));
    const on = OPTIONAL_MESSAGE_KINDS.filter((kind) => input.wanted.includes(kind) && before.has(kind));
    for (const kind of off) await setOptOut(c.tx, input.personId, kind, true);
    for (const kind of on) await setOptOut(c.tx, input.personId, kind, false);
    if (off.length || on.length)
      c.audit({
        action: "email.preferences_saved",
        subjectType: "person",
        subjectId: input.personId,
        details: { off, on },
      });
    return ok({ changed: off.length + on.length });
  },
});

/** Turns one kind off from the link in an email (signed, so the person need not sign in). */
export const unsubscribe = command({
  async execute(c, input: { personId: number; kind: MessageKind }) {
    const person = await getPerson(c.tx, input.personId);
    if (!person) return invalid("", "This link no longer works");
    if ((await optOutsOf(c.tx, input.personId)).includes(input.kind)) return ok({ already: true });
    await setOptOut(c.tx, input.personId, input.kind, true);
    c.audit({
      action: "email.unsubscribed",
      subjectType: "person",
      subjectId: input.personId,
      details: { kind: input.kind },
    });
    return ok({ already: false });
  },
});
