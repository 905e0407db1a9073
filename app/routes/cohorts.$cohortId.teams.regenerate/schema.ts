// Regenerating published teams: the proposal (with the settings it was made with) that the confirmation page's
// address and form carry, and the reason the coordinator gives.
import { z } from "zod";
import { decodeProposal } from "~/domain/team-changes";
import { requiredText, version } from "~/forms/fields";
import { attributes, WEIGHT_AIMS, weight } from "../cohorts.$cohortId.teams._index/schema";

const outOfDate = "These proposed teams are out of date: go back to the teams page and regenerate them again";

const proposal = z.string({ error: outOfDate }).transform((text, ctx) => {
  const teams = decodeProposal(text);
  if (!teams) {
    ctx.addIssue({ code: "custom", message: outOfDate });
    return z.NEVER;
  }
  return teams;
});

export const ProposalSchema = z.object({
  version,
  balance: attributes(outOfDate),
  notAlone: attributes(outOfDate),
  weightColleagues: weight(WEIGHT_AIMS.colleagues),
  weightNotAlone: weight(WEIGHT_AIMS.notAlone),
  weightBalance: weight(WEIGHT_AIMS.balance),
  proposal,
});

export const ConfirmRegenerateSchema = ProposalSchema.extend({
  reason: requiredText(1000, {
    empty:
      "Enter why you are regenerating the teams: the people who move will see it in their team's history",
    tooLong: "Reason must be 1,000 characters or fewer",
  }),
});

/** The fields of the proposal, as the confirmation form carries them on (hidden). */
export const PROPOSAL_FIELDS = [
  "version",
  "balance",
  "notAlone",
  "weightColleagues",
  "weightNotAlone",
  "weightBalance",
  "proposal",
] as const;
