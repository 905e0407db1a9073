// The forms of the team pages beside the teams page itself: naming the teams, pairing mentors, keeping people apart.
import { z } from "zod";
import { byIntent, recordId, requiredText, version } from "./fields";

const outOfDate = "This form is out of date: reload the page and try again";

/** One row of the team names list: the team's number (hidden) and its name, which may be left empty. */
const TeamName = z
  .object({
    number: z.number({ error: outOfDate }).int(outOfDate).positive(outOfDate),
    name: z.string().trim().optional(),
  })
  .superRefine((row, ctx) => {
    if ((row.name?.length ?? 0) > 60)
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: `Name of team ${row.number} must be 60 characters or fewer`,
      });
  })
  .transform((row) => ({ number: row.number, name: row.name || null }));

export const TeamNamesSchema = z.object({ version, teams: z.array(TeamName) });

export const PairMentorsSchema = byIntent(
  {
    pair: { version },
    override: {
      version,
      reason: requiredText(1000, {
        empty: "Enter why you accept these conflicts",
        tooLong: "Reason must be 1,000 characters or fewer",
      }),
    },
  },
  "That action is not available here",
);

export const KeepApartSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({
        intent: z.literal("add"),
        version,
        personA: recordId("Choose the first person"),
        personB: recordId("Choose the second person"),
      })
      .refine((pair) => pair.personA !== pair.personB, {
        path: ["personB"],
        message: "Choose two different people",
      }),
    z.object({ intent: z.literal("remove"), version, pairId: recordId("Choose a pair to remove") }),
  ],
  { error: "That action is not available here" },
);
