// Answers a form whose command refused the change: the user's input comes back with the reason, on the field it
// concerns (400), or at the top of the form when someone else changed the record first (409) or the person may
// not make this change (403).
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Refusal } from "~/domain/outcome";

type Submission = {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
  }): SubmissionResult<string[]>;
};

/** Where a refusal's reason goes on the form, and the status it is answered with. */
export function refusalOf(outcome: Refusal) {
  if ("conflict" in outcome) return { errors: { formErrors: [outcome.conflict] }, status: 409 };
  if ("forbidden" in outcome) return { errors: { formErrors: [outcome.forbidden] }, status: 403 };
  return { errors: { fieldErrors: outcome.invalid }, status: 400 };
}

export function refused(submission: Submission, outcome: Refusal) {
  const { errors, status } = refusalOf(outcome);
  return data(submission.reply(errors), { status });
}

/** The submission's errors as they are, with the user's input, for a form that did not parse. */
export function invalidForm(submission: Submission) {
  return data(submission.reply(), { status: 400 });
}
