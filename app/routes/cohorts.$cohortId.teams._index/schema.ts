// The teams page's forms, one per button: propose or regenerate the teams, lock or unlock a person, move a
// person, publish.
import { z } from "zod";
import { TEAM_ATTRIBUTES } from "~/domain/team-settings";
import { valuesOf } from "~/domain/vocabulary";
import { recordId, version } from "~/forms/fields";

export const attributes = (message: string) => z.array(z.enum(valuesOf(TEAM_ATTRIBUTES), { error: message }));

/** How much an aim counts: a whole number from 0 to 9999. `aim` as the field's label says it, in lower case. */
export function weight(aim: string) {
  const message = `The weight for ${aim} must be a whole number from 0 to 9999`;
  return z
    .number({
      error: (issue) => (issue.input === undefined ? `Enter the weight for ${aim}` : message),
    })
    .int(message)
    .min(0, message)
    .max(9999, message);
}

/** The aims the weights trade off, as their fields are labelled (FormTeamsForm). */
export const WEIGHT_AIMS = {
  colleagues: "keeping colleagues apart",
  notAlone: "nobody the only one of their kind",
  balance: "balancing the teams",
} as const;

const person = (intent: "lock" | "unlock") =>
  z.object({ intent: z.literal(intent), version, personId: recordId("Choose a person") });

export const TeamsActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("form"),
      version,
      balance: attributes("Choose what to balance from the list"),
      notAlone: attributes("Choose what nobody should be alone by from the list"),
      weightColleagues: weight(WEIGHT_AIMS.colleagues),
      weightNotAlone: weight(WEIGHT_AIMS.notAlone),
      weightBalance: weight(WEIGHT_AIMS.balance),
    }),
    person("lock"),
    person("unlock"),
    z.object({
      intent: z.literal("move"),
      version,
      personId: recordId("Choose the person to move"),
      team: recordId("Choose the team to move them to"),
    }),
    z.object({ intent: z.literal("publish"), version }),
  ],
  { error: "That action is not available here" },
);

export type TeamsIntent = z.input<typeof TeamsActionSchema>["intent"];
