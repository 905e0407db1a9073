// What the statement page posts: the team submits it, a mentor reviews it, a coordinator approves it on the
// mentors' behalf. Each names the version it acts on.
import { z } from "zod";
import { REVIEW_DECISIONS, valuesOf } from "~/domain/vocabulary";
import { optionalText, requiredText, version } from "~/forms/fields";
import { NOTE_LIMIT } from "~/forms/mentoring";

export const StatementPageSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("submit"), version }),
    z
      .object({
        intent: z.literal("review"),
        version,
        decision: z.enum(valuesOf(REVIEW_DECISIONS), { error: "Select whether you approve the statement" }),
        comment: optionalText(
          NOTE_LIMIT,
          `Comment must be ${NOTE_LIMIT.toLocaleString("en-GB")} characters or fewer`,
        ),
      })
      .refine((review) => review.decision !== "changes_requested" || review.comment, {
        path: ["comment"],
        message: "Enter what the team should change",
      }),
    z.object({
      intent: z.literal("approve-on-behalf"),
      version,
      reason: requiredText(1000, {
        empty: "Enter why you are approving on the mentors' behalf",
        tooLong: "Reason must be 1,000 characters or fewer",
      }),
    }),
  ],
  { error: "Choose what to do with the statement" },
);
